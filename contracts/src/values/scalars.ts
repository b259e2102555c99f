import { z } from 'zod';

/** Money in whole yuan. */
export const yuan = z.number().int('Yuan are whole numbers').min(0).max(10_000_000);

/** An ISO 8601 date-time with `Z` or an offset, e.g. `2027-01-31T00:00:00Z`. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 date-time' });

/** An ISO 8601 calendar date, e.g. `2026-03-01`. */
export const isoDate = z.iso.date({ error: 'Expected an ISO 8601 date (YYYY-MM-DD)' });

/** A global log position as a decimal string (JSON has no bigint). */
export const positionString = z.string().regex(/^\d+$/, 'A position is a decimal string');

export const personName = z.string().trim().min(1).max(100);
export const shortText = z.string().trim().min(1).max(200);
export const reasonText = z.string().trim().min(1).max(500);

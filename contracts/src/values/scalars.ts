import { z } from 'zod';
import { freeText } from './free-text';

/** Money in whole yuan. */
export const yuan = z.number().int('Yuan are whole numbers').min(0).max(10_000_000);

/** An ISO 8601 date-time with `Z` or an offset, e.g. `2027-01-31T00:00:00Z`. */
export const isoDateTime = z.iso.datetime({ offset: true, error: 'Expected an ISO 8601 date-time' });

/** An ISO 8601 calendar date, e.g. `2026-03-01`. */
export const isoDate = z.iso.date({ error: 'Expected an ISO 8601 date (YYYY-MM-DD)' });

/** A global log position as a decimal string (JSON has no bigint). */
export const positionString = z.string().regex(/^\d+$/, 'A position is a decimal string');

/** A person's name as on their ID card (Chinese, or a minority name with its middle dot). */
export const personName = freeText(100, { needs: 'letter' });
/** A title, an employer, a station's name: one line. */
export const shortText = freeText(200);
/** Why something was done: one line. */
export const reasonText = freeText(500);

import { z } from 'zod';
import { channel, guizhouCountyCode, householdId, isoDateTime, placementId, workerId } from '../values';
import { defineEvent, type EventOf } from './define-event';

/** Opened the moment a household with labour has no one employed; due dates follow the 3-day / 5-day practice. */
export const ZeroEmploymentCaseOpened = defineEvent(
  'ZeroEmploymentCaseOpened',
  1,
  z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      assistDueAt: isoDateTime,
      clearDueAt: isoDateTime,
    })
    .strict(),
);

export const caseClearedBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('employment'), channel }).strict(),
  /** The household has no member with labour capacity any more: social assistance, counted apart. */
  z.object({ kind: z.literal('no_labour') }).strict(),
]);
export type CaseClearedBy = z.infer<typeof caseClearedBy>;

export const ZeroEmploymentCaseCleared = defineEvent(
  'ZeroEmploymentCaseCleared',
  1,
  z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      clearedAt: isoDateTime,
      clearedBy: caseClearedBy,
    })
    .strict(),
);

/** A worker placed out of the province earns the one-time cross-province transport subsidy, once a year. */
export const TransportSubsidyEligible = defineEvent(
  'TransportSubsidyEligible',
  1,
  z
    .object({
      workerId,
      householdId,
      placementId,
      year: z.number().int().min(2000).max(2100),
      countyCode: guizhouCountyCode,
    })
    .strict(),
);

export const MONITOR_EVENTS = [
  ZeroEmploymentCaseOpened,
  ZeroEmploymentCaseCleared,
  TransportSubsidyEligible,
] as const;

export type MonitorEvent = EventOf<(typeof MONITOR_EVENTS)[number]>;

import { z } from 'zod';
import { channel, guizhouCountyCode, householdId, isoDateTime, placementId, workerId } from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, PLACEMENT, WORKER } from './example-values';

/** Opened the moment a household with labour has no one employed; due dates follow the 3-day / 5-day practice. */
export const ZeroEmploymentCaseOpened = defineEvent({
  type: 'ZeroEmploymentCaseOpened',
  version: 1,
  stream: 'employmentMonitor',
  time: 'openedAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      assistDueAt: isoDateTime,
      clearDueAt: isoDateTime,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    openedAt: AT,
    assistDueAt: '2026-03-04T08:00:00Z',
    clearDueAt: '2026-03-06T08:00:00Z',
  },
});

export const caseClearedBy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('employment'), channel }).strict(),
  /** The household has no member with labour capacity any more: social assistance, counted apart. */
  z.object({ kind: z.literal('no_labour') }).strict(),
]);
export type CaseClearedBy = z.infer<typeof caseClearedBy>;

export const ZeroEmploymentCaseCleared = defineEvent({
  type: 'ZeroEmploymentCaseCleared',
  version: 1,
  stream: 'employmentMonitor',
  time: 'clearedAt',
  schema: z
    .object({
      householdId,
      countyCode: guizhouCountyCode,
      openedAt: isoDateTime,
      clearedAt: isoDateTime,
      clearedBy: caseClearedBy,
    })
    .strict(),
  example: {
    householdId: HOUSEHOLD,
    countyCode: '520402',
    openedAt: AT,
    clearedAt: '2026-03-05T10:00:00Z',
    clearedBy: { kind: 'employment', channel: 'workshop' },
  },
});

/** A worker placed out of the province earns the one-time cross-province transport subsidy, once a year. */
export const TransportSubsidyEligible = defineEvent({
  type: 'TransportSubsidyEligible',
  version: 1,
  stream: 'employmentMonitor',
  // The data carries no time: the envelope's occurredAt, the time of the placement that earned it, is its time.
  time: 'envelope',
  schema: z
    .object({
      workerId,
      householdId,
      placementId,
      year: z.number().int().min(2000).max(2100),
      countyCode: guizhouCountyCode,
    })
    .strict(),
  example: {
    workerId: WORKER,
    householdId: HOUSEHOLD,
    placementId: PLACEMENT,
    year: 2026,
    countyCode: '520402',
  },
});

export const MONITOR_EVENTS = [
  ZeroEmploymentCaseOpened,
  ZeroEmploymentCaseCleared,
  TransportSubsidyEligible,
] as const;

export type MonitorEvent = EventOf<(typeof MONITOR_EVENTS)[number]>;

import { z } from 'zod';
import { guizhouCountyCode, householdId, placementId, workerId } from '../values';
import { defineEvent } from './define-event';
import { HOUSEHOLD, PLACEMENT, WORKER } from './example-values';

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

export const MONITOR_EVENTS = [TransportSubsidyEligible] as const;

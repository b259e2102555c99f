import type { z } from 'zod';
import type { EventDefinition } from './events/define-event';
import { WorkerRegistered, WorkerRegisteredV1 } from './events/workforce.events';
import type { WorkPreference } from './values';

/**
 * An upcaster turns the data of `type@from` into `type@(from+1)`. Old events stay in the store as they
 * were written; readers apply the chain on every read.
 */
export interface Upcaster {
  readonly from: EventDefinition;
  readonly to: EventDefinition;
  /** Receives data already valid against `from.schema`. */
  readonly upcast: (data: unknown) => unknown;
}

function defineUpcaster<TFrom extends EventDefinition, TTo extends EventDefinition>(
  from: TFrom,
  to: TTo,
  upcast: (data: z.output<TFrom['schema']>) => z.input<TTo['schema']>,
): Upcaster {
  if (from.type !== to.type || to.version !== from.version + 1) {
    throw new Error(
      `An upcaster goes from ${from.type}@${from.version} to the next version of the same type`,
    );
  }
  return { from, to, upcast: (data) => upcast(data as z.output<TFrom['schema']>) };
}

/**
 * WorkerRegistered@1 → @2: `willingToLeaveProvince` becomes a preference. Willing → `any`; unwilling →
 * `in_province` (it said no to leaving Guizhou, not no to jobs beyond the relocation site). The expected
 * wage was never asked: null, not a guess.
 */
const workerRegisteredV1ToV2 = defineUpcaster(WorkerRegisteredV1, WorkerRegistered, (v1) => {
  const { willingToLeaveProvince, ...rest } = v1;
  const preference: WorkPreference = willingToLeaveProvince ? 'any' : 'in_province';
  return { ...rest, preference, expectedMonthlyWage: null };
});

export const UPCASTERS: readonly Upcaster[] = [workerRegisteredV1ToV2];

import { z } from 'zod';
import {
  caseNote,
  channel,
  employmentEndReason,
  followUpOutcome,
  householdId,
  isoDate,
  isoDateTime,
  placementId,
  positionString,
  shortText,
  verificationMethod,
  workerId,
} from '../values';
import { pageQuery } from './page-query';

/** The job a worker moved to, as a follow-up found it. */
export const newEmploymentBody = z
  .object({ channel, employer: shortText.optional(), startDate: isoDate })
  .strict()
  .meta({ id: 'NewEmploymentBody' });

// POST /v1/placements/:id/follow-ups
export const recordFollowUpBody = z
  .object({
    /** When the worker was visited or called: not in the future, not before the placement started. */
    visitedAt: isoDateTime,
    outcome: followUpOutcome,
    /** How the check was made; a visit when not given. */
    method: verificationMethod.optional(),
    note: caseNote.optional(),
    /** Why the job ended (`left`, `changed_job`): `quit` when not given, `returned_home` for a returnee. */
    endReason: employmentEndReason.optional(),
    /** The new job, required for `changed_job` (and only for it). */
    newEmployment: newEmploymentBody.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const changed = body.outcome === 'changed_job';
    if (changed !== (body.newEmployment !== undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['newEmployment'],
        message: changed
          ? 'A changed job brings the new one: newEmployment { channel, employer?, startDate }'
          : 'Only a changed_job outcome brings newEmployment',
      });
    }
    if (body.outcome === 'still_employed' && body.endReason !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['endReason'],
        message: 'Only a job that ended has an endReason',
      });
    }
  })
  .meta({ id: 'RecordFollowUpBody' });
export type RecordFollowUpBody = z.infer<typeof recordFollowUpBody>;

// GET /v1/counties/:code/follow-ups
export const followUpsQuery = z
  .object({
    /** `true`: due now (due date today or earlier), most overdue first; `false`: not due yet, soonest first. */
    due: z.enum(['true', 'false']).default('true'),
    ...pageQuery,
  })
  .strict();
export type FollowUpsQuery = z.infer<typeof followUpsQuery>;

export const followUpItem = z
  .object({
    placementId,
    workerId,
    householdId,
    /** The day the follow-up is due (YYYY-MM-DD, a day in Guizhou): 1, 3 or 6 months after the start date. */
    dueAt: isoDate,
    followUp: z.union([z.literal(1), z.literal(3), z.literal(6)]),
    startDate: isoDate,
    channel,
    /** Personal data: the county office of the household's county only, every read logged. */
    workerName: z.string(),
  })
  .meta({ id: 'FollowUpItem' });

export const followUpsResponse = z
  .object({
    items: z.array(followUpItem),
    total: z.number().int().min(0),
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'FollowUpsResponse' });
export type FollowUpsResponse = z.infer<typeof followUpsResponse>;

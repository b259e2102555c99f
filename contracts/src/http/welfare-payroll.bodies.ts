import { z } from 'zod';
import { yearMonth } from '../events/welfare-payroll.events';
import {
  guizhouCountyCode,
  householdId,
  isoDateTime,
  placementId,
  positionString,
  recordedText,
  vacancyId,
  workerId,
  yuan,
} from '../values';

/** `/counties/:code/welfare-months/:month`. */
export const welfareMonthParams = z
  .object({
    code: z.string().max(20),
    // The public-welfare posts of the relocation programme: from 2016 on.
    month: yearMonth.refine((m) => m >= '2016-01', { error: 'A month from 2016-01 on' }),
  })
  .strict();

const daysInPost = z.number().int().min(0).max(31);

// POST /v1/counties/:code/welfare-months/:month/confirmations
export const confirmWelfareMonthBody = z
  .object({
    /** Who held a post this month; `daysInPost` omitted: every day they held it. Anyone left out is not paid. */
    entries: z
      .array(z.object({ placementId, daysInPost: daysInPost.optional() }).strict())
      .min(1, 'A month with nobody in post has no payroll to confirm')
      .max(10_000),
  })
  .strict()
  .meta({ id: 'ConfirmWelfareMonthBody' });
export type ConfirmWelfareMonthBody = z.infer<typeof confirmWelfareMonthBody>;

// POST /v1/counties/:code/welfare-months/:month/corrections
export const correctWelfareMonthBody = z
  .object({ placementId, daysInPost, reason: recordedText(500) })
  .strict()
  .meta({ id: 'CorrectWelfareMonthBody' });
export type CorrectWelfareMonthBody = z.infer<typeof correctWelfareMonthBody>;

// POST /v1/counties/:code/welfare-months/:month/payments
export const payWelfareMonthBody = z
  .object({
    /** The total paid, in yuan to the fen: must equal the list's. */
    total: z.number().min(0).max(10_000_000).multipleOf(0.01),
    paidAt: isoDateTime,
    reference: recordedText(100),
  })
  .strict()
  .meta({ id: 'PayWelfareMonthBody' });
export type PayWelfareMonthBody = z.infer<typeof payWelfareMonthBody>;

export const welfareMonthRecordedResponse = z
  .object({ countyCode: guizhouCountyCode, month: yearMonth, position: positionString })
  .meta({ id: 'WelfareMonthRecordedResponse' });

export const welfareMonthLine = z
  .object({
    placementId,
    workerId,
    householdId,
    vacancyId,
    /** The holder's name as the caller may see it in a list. */
    name: z.string(),
    daysInPost: z.number().int(),
    daysInMonth: z.number().int(),
    monthlySubsidy: yuan,
    /** Yuan, to the fen. */
    amount: z.number(),
  })
  .meta({ id: 'WelfareMonthLine' });
export type WelfareMonthLine = z.infer<typeof welfareMonthLine>;

export const welfareMonthResponse = z
  .object({
    countyCode: guizhouCountyCode,
    month: yearMonth,
    /** open: not confirmed yet (items: the draft of who held a post, with every day held); then confirmed, paid. */
    status: z.enum(['open', 'confirmed', 'paid']),
    items: z.array(welfareMonthLine),
    totals: z.object({ holders: z.number().int(), amount: z.number() }),
    corrections: z.number().int(),
    paid: z.object({ total: z.number(), reference: z.string(), paidAt: isoDateTime }).nullable(),
    position: positionString,
  })
  .meta({ id: 'WelfareMonthResponse' });
export type WelfareMonthResponse = z.infer<typeof welfareMonthResponse>;

import { z } from 'zod';
import {
  guizhouCountyCode,
  householdId,
  isoDateTime,
  placementId,
  recordedText,
  vacancyId,
  workerId,
  yuan,
} from '../values';
import { defineEvent, type EventOf } from './define-event';
import { AT, HOUSEHOLD, PLACEMENT, VACANCY, WORKER } from './example-values';

/** A calendar month, YYYY-MM. */
export const yearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month, YYYY-MM')
  .meta({ example: '2026-03' });

/** Money in fen (分, 0.01 yuan): a part month's subsidy is pro rata, so amounts are kept to the fen. */
export const fen = z.number().int('Fen are whole numbers').min(0).max(1_000_000_000);

/** One holder of a public-welfare post in a month: how many of the month's days in post, and what that pays. */
export const welfareMonthEntry = z
  .object({
    placementId,
    workerId,
    householdId,
    vacancyId,
    /** Days in post this month (1 to the month's days; the whole month when it equals daysInMonth). */
    daysInPost: z.number().int().min(0).max(31),
    daysInMonth: z.number().int().min(28).max(31),
    /** The post's monthly subsidy, in yuan, when the month was confirmed. */
    monthlySubsidy: yuan,
    /** monthlySubsidy × daysInPost / daysInMonth, rounded to the fen. */
    amountFen: fen,
  })
  .strict();
export type WelfareMonthEntry = z.infer<typeof welfareMonthEntry>;

const ENTRY = {
  placementId: `${HOUSEHOLD}:${PLACEMENT}`,
  workerId: WORKER,
  householdId: HOUSEHOLD,
  vacancyId: VACANCY,
  daysInPost: 31,
  daysInMonth: 31,
  monthlySubsidy: 1500,
  amountFen: 150000,
};

/**
 * The county office (the programme's manager) confirmed who held its public-welfare posts in a month that is
 * over, and for how many days (在岗领补): the month's payment list. Once per county and month.
 */
export const WelfareMonthConfirmed = defineEvent({
  type: 'WelfareMonthConfirmed',
  version: 1,
  stream: 'welfarePayroll',
  time: 'confirmedAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      month: yearMonth,
      entries: z.array(welfareMonthEntry).max(100_000),
      confirmedAt: isoDateTime,
    })
    .strict(),
  example: { countyCode: '520402', month: '2026-02', entries: [ENTRY], confirmedAt: AT },
});

/**
 * A correction of a confirmed month before it is paid: one holder's days replaced (0 takes the holder off
 * the list, a holder missed is added), with the reason. The confirmation itself is never edited.
 */
export const WelfareMonthEntryCorrected = defineEvent({
  type: 'WelfareMonthEntryCorrected',
  version: 1,
  stream: 'welfarePayroll',
  time: 'correctedAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      month: yearMonth,
      entry: welfareMonthEntry,
      /** What the entry paid before (0 for a holder added). */
      previousAmountFen: fen,
      reason: recordedText(500),
      correctedAt: isoDateTime,
    })
    .strict(),
  example: {
    countyCode: '520402',
    month: '2026-02',
    entry: { ...ENTRY, daysInPost: 10, amountFen: 48387 },
    previousAmountFen: 150000,
    reason: '2月11日起病假离岗',
    correctedAt: AT,
  },
});

/** The month's list was paid: its total, the day, the bank's reference. Once per county and month. */
export const WelfareMonthPaid = defineEvent({
  type: 'WelfareMonthPaid',
  version: 1,
  stream: 'welfarePayroll',
  time: 'paidAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      month: yearMonth,
      totalFen: fen,
      holders: z.number().int().min(0),
      reference: recordedText(100),
      paidAt: isoDateTime,
    })
    .strict(),
  example: {
    countyCode: '520402',
    month: '2026-02',
    totalFen: 150000,
    holders: 1,
    reference: 'GZNX-2026-03-0001',
    paidAt: AT,
  },
});

export const WELFARE_PAYROLL_EVENTS = [
  WelfareMonthConfirmed,
  WelfareMonthEntryCorrected,
  WelfareMonthPaid,
] as const;
export type WelfarePayrollEvent = EventOf<(typeof WELFARE_PAYROLL_EVENTS)[number]>;

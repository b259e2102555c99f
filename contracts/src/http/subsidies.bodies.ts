import { z } from 'zod';
import { destinationProvinceCode, subsidyId, transportSubsidyRates } from '../events/subsidies.events';
import {
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  positionString,
  reasonText,
  shortText,
  workerId,
  yuan,
} from '../values';
import { pageQuery } from './page-query';

/**
 * The transport subsidy's HTTP bodies (跨省务工一次性交通补贴): the county office claims for a worker, reviews,
 * records the payment, sets its rates; its ledger lists each subsidy with totals. County offices read the
 * messages: they are in Chinese and name the field.
 */

export const SUBSIDY_STATUS_VALUES = ['eligible', 'claimed', 'approved', 'rejected', 'paid'] as const;
export const subsidyStatus = z.enum(SUBSIDY_STATUS_VALUES);

export const subsidyParams = z.object({ subsidyId }).strict();

const businessDate = z.iso.date({ error: '日期格式须为 YYYY-MM-DD' });

export const claimSubsidyBody = z
  .object({
    /** The day the worker travelled out (a day in Guizhou): not in the future, not before the subsidy's year. */
    travelDate: businessDate,
    destinationProvince: destinationProvinceCode,
  })
  .strict()
  .meta({ id: 'ClaimTransportSubsidyBody' });
export type ClaimSubsidyBody = z.infer<typeof claimSubsidyBody>;

export const reviewSubsidyBody = z
  .object({ decision: z.enum(['approve', 'reject']), reason: reasonText.optional() })
  .strict()
  .superRefine((body, ctx) => {
    if (body.decision === 'reject' && (body.reason ?? '').trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: '驳回须填写原因' });
    }
  })
  .meta({ id: 'ReviewTransportSubsidyBody' });
export type ReviewSubsidyBody = z.infer<typeof reviewSubsidyBody>;

export const paySubsidyBody = z
  .object({
    /** Whole yuan: the amount approved. */
    amount: yuan.min(1, '发放金额须大于0'),
    /** The day it was paid (a day in Guizhou): not in the future, not before the approval. */
    paidAt: businessDate,
    /** The payment's reference (voucher, bank batch). */
    reference: shortText,
  })
  .strict()
  .meta({ id: 'PayTransportSubsidyBody' });
export type PaySubsidyBody = z.infer<typeof paySubsidyBody>;

export const subsidyRatesBody = z
  .object({ rates: transportSubsidyRates, default: yuan.min(1, '补贴金额须大于0').optional() })
  .strict()
  .meta({ id: 'TransportSubsidyRatesBody' });
export type SubsidyRatesBody = z.infer<typeof subsidyRatesBody>;

export const subsidyRatesResponse = z
  .object({
    countyCode: guizhouCountyCode,
    rates: z.record(z.string(), z.number()),
    default: z.number().nullable(),
    /** False until the county set its rates: nothing can be approved before. */
    isSet: z.boolean(),
    position: positionString,
  })
  .meta({ id: 'TransportSubsidyRatesResponse' });

export const subsidyRecordedResponse = z
  .object({ subsidyId: z.string(), position: positionString })
  .meta({ id: 'TransportSubsidyRecordedResponse' });

export const transportSubsidiesQuery = z
  .object({
    status: subsidyStatus.optional(),
    year: z.coerce.number().int().min(2000).max(2100).optional(),
    ...pageQuery,
  })
  .strict();
export type TransportSubsidiesQuery = z.infer<typeof transportSubsidiesQuery>;

export const transportSubsidyItem = z
  .object({
    subsidyId: z.string(),
    workerId,
    /** As the caller may see it (whole to the county's office, masked to the admin). */
    workerName: z.string(),
    householdId,
    countyCode: guizhouCountyCode,
    year: z.number().int(),
    placementId: z.string().nullable(),
    eligibleAt: isoDateTime.nullable(),
    status: subsidyStatus,
    claimNo: z.number().int().nullable(),
    travelDate: isoDate.nullable(),
    destinationProvince: z.string().nullable(),
    destinationProvinceName: z.string().nullable(),
    claimedAt: isoDateTime.nullable(),
    /** Whole yuan, fixed at approval. */
    amount: z.number().nullable(),
    approvedAt: isoDateTime.nullable(),
    rejectionReason: z.string().nullable(),
    paidAt: isoDate.nullable(),
    reference: z.string().nullable(),
  })
  .meta({ id: 'TransportSubsidyItem' });
export type TransportSubsidyItem = z.infer<typeof transportSubsidyItem>;

const count = z.object({ count: z.number().int().min(0) });
const sum = z.object({ count: z.number().int().min(0), yuan: z.number().min(0) });

/** Each subsidy once, under its status now (of the year asked, else all years), whatever `status` filters. */
export const transportSubsidyTotals = z
  .object({ eligible: count, claimed: count, approved: sum, rejected: count, paid: sum, all: count })
  .meta({ id: 'TransportSubsidyTotals' });

export const transportSubsidiesResponse = z
  .object({
    items: z.array(transportSubsidyItem),
    totals: transportSubsidyTotals,
    total: z.number().int().min(0),
    nextCursor: z.string().nullable(),
    position: positionString,
  })
  .meta({ id: 'TransportSubsidiesResponse' });

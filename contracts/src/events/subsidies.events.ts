import { z } from 'zod';
import { isProvinceOutsideGuizhou } from '../regions/provinces';
import {
  guizhouCountyCode,
  householdId,
  isoDate,
  isoDateTime,
  placementId,
  reasonText,
  shortText,
  workerId,
  yuan,
} from '../values';
import { defineEvent } from './define-event';
import { AT, HOUSEHOLD, PLACEMENT, WORKER } from './example-values';

/**
 * The one-time cross-province transport subsidy (跨省务工一次性交通补贴) after its eligibility (the monitor's
 * `TransportSubsidyEligible`): the county office's claim, its review, the payment; one stream per worker and
 * year (`transport-subsidy-<workerId>:<year>`). A rejected claim may be claimed again: each claim has its number.
 * A county's amounts by destination province live in their own stream (`subsidy-rates-<county>`).
 */

/** A GB/T 2260 province-level code other than Guizhou's (520000): where the worker went. */
export const destinationProvinceCode = z
  .string()
  .regex(/^\d{2}0000$/, '省级行政区划代码为六位数字，后四位为0（GB/T 2260），如 440000')
  .refine(isProvinceOutsideGuizhou, { error: '须为贵州省以外的省级行政区划代码（GB/T 2260）' })
  .meta({ description: 'A province-level division outside Guizhou (GB/T 2260)', example: '440000' });

export const subsidyId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,99}\.[1-9]\d?:\d{4}$/, 'A subsidy id is "<workerId>:<year>"')
  .meta({ description: 'The worker’s subsidy of one calendar year: `<workerId>:<year>`' });

const subsidyYear = z.number().int().min(2000).max(2100);
const claimNo = z.number().int().min(1).max(1000);

/** Which subsidy an event is about: every event names its worker, year and county (the ledger reads by county). */
const subject = { subsidyId, workerId, year: subsidyYear, countyCode: guizhouCountyCode, claimNo };
const SUBJECT = {
  subsidyId: `${WORKER}:2026`,
  workerId: WORKER,
  year: 2026,
  countyCode: '520402',
  claimNo: 1,
};

export const TransportSubsidyClaimed = defineEvent({
  type: 'TransportSubsidyClaimed',
  version: 1,
  stream: 'transportSubsidy',
  time: 'claimedAt',
  schema: z
    .object({
      ...subject,
      householdId,
      placementId,
      travelDate: isoDate,
      destinationProvince: destinationProvinceCode,
      claimedAt: isoDateTime,
    })
    .strict(),
  example: {
    ...SUBJECT,
    householdId: HOUSEHOLD,
    placementId: PLACEMENT,
    travelDate: '2026-02-27',
    destinationProvince: '440000',
    claimedAt: AT,
  },
});

/** Approved at the amount of the county's rates in force for the destination (fixed here, paid as fixed). */
export const TransportSubsidyApproved = defineEvent({
  type: 'TransportSubsidyApproved',
  version: 1,
  stream: 'transportSubsidy',
  time: 'approvedAt',
  schema: z
    .object({
      ...subject,
      destinationProvince: destinationProvinceCode,
      amount: yuan,
      approvedAt: isoDateTime,
    })
    .strict(),
  example: { ...SUBJECT, destinationProvince: '440000', amount: 500, approvedAt: AT },
});

export const TransportSubsidyRejected = defineEvent({
  type: 'TransportSubsidyRejected',
  version: 1,
  stream: 'transportSubsidy',
  time: 'rejectedAt',
  schema: z.object({ ...subject, reason: reasonText, rejectedAt: isoDateTime }).strict(),
  example: { ...SUBJECT, reason: '务工证明不全', rejectedAt: AT },
});

/** The payment as the office recorded it: the day it was paid (`paidAt`, a day in Guizhou) and its reference. */
export const TransportSubsidyPaid = defineEvent({
  type: 'TransportSubsidyPaid',
  version: 1,
  stream: 'transportSubsidy',
  time: 'recordedAt',
  schema: z
    .object({ ...subject, amount: yuan, paidAt: isoDate, reference: shortText, recordedAt: isoDateTime })
    .strict(),
  example: { ...SUBJECT, amount: 500, paidAt: '2026-03-01', reference: 'AS-2026-0001', recordedAt: AT },
});

/** A county's table of amounts by destination province (whole yuan), and the amount for any other province. */
export const transportSubsidyRates = z
  .record(destinationProvinceCode, yuan.min(1, '补贴金额须大于0'))
  .refine((rates) => Object.keys(rates).length <= 40, { error: '省份过多' });

export const TransportSubsidyRatesSet = defineEvent({
  type: 'TransportSubsidyRatesSet',
  version: 1,
  stream: 'transportSubsidyRates',
  time: 'setAt',
  schema: z
    .object({
      countyCode: guizhouCountyCode,
      rates: transportSubsidyRates,
      default: yuan.min(1).optional(),
      setAt: isoDateTime,
    })
    .strict(),
  example: { countyCode: '520402', rates: { '440000': 500, '330000': 600 }, default: 400, setAt: AT },
});

export const SUBSIDIES_EVENTS = [
  TransportSubsidyClaimed,
  TransportSubsidyApproved,
  TransportSubsidyRejected,
  TransportSubsidyPaid,
  TransportSubsidyRatesSet,
] as const;

import { z } from 'zod';

/** A mainland mobile number: 11 digits, 1 then 3–9 (the numbers a county office phones a household on). */
export const mainlandMobile = z
  .string()
  .regex(/^1[3-9]\d{9}$/, 'A mobile number is 11 digits starting 13–19, e.g. 13812345678')
  .meta({ example: '13812345678' });

/** A mobile, or a landline with its area code (an employer's HR desk), e.g. 020-12345678. */
export const contactPhone = z
  .string()
  .regex(
    /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/,
    'A phone is a mobile (11 digits, 13–19…) or a landline with its area code, e.g. 020-12345678',
  );

/** How a job is covered by social insurance, as vacancies state it (五险一金 is the usual promise). */
export const SOCIAL_INSURANCE_TERMS = [
  'five_insurances_one_fund',
  'five_insurances',
  'work_injury',
  'none',
] as const;
export const socialInsuranceTerms = z.enum(SOCIAL_INSURANCE_TERMS);
export type SocialInsuranceTerms = z.infer<typeof socialInsuranceTerms>;

/** 与户主关系: how a member is related to the head of household, as the county's ledger records it. */
export const RELATIONS_TO_HEAD = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandchild',
  'sibling',
  'other',
] as const;
export const relationToHead = z.enum(RELATIONS_TO_HEAD);
export type RelationToHead = z.infer<typeof relationToHead>;

/**
 * The shapes the dashboard reads, taken from the contract (type-only: nothing of zod reaches the bundle),
 * so a contract change breaks the web typecheck instead of the page.
 */
import type { z } from 'zod';
import type {
  CountyEmploymentResponse,
  HouseholdEmploymentResponse,
  VacancyView,
  candidatesResponse,
  recommendationsResponse,
  vacancyListResponse,
} from '../../../../contracts/src/http/responses';
import type { ZeroEmploymentCasesResponse } from '../../../../contracts/src/http/cases.bodies';
import type { Channel } from '../../../../contracts/src/values/labour';

export type { Channel, VacancyView };
export type CountyFigures = CountyEmploymentResponse;
/** County, prefecture and province answers share the figures; only the code's name differs. */
export type EmploymentFigures = Omit<CountyEmploymentResponse, 'countyCode'> & {
  countyCode?: string;
  prefectureCode?: string;
  provinceCode?: string;
};

/** A case as the contract has it, plus the deadlines the monitor may add (computed here when absent). */
export type ZeroEmploymentCase = ZeroEmploymentCasesResponse['items'][number] & {
  assistDueAt?: string;
  clearDueAt?: string;
  assistOverdue?: boolean;
  clearOverdue?: boolean;
  overdue?: boolean;
};
export type ZeroEmploymentCases = Omit<ZeroEmploymentCasesResponse, 'items' | 'position'> & {
  items: ZeroEmploymentCase[];
};
export type HouseholdEmployment = HouseholdEmploymentResponse;
export type VacancyList = z.infer<typeof vacancyListResponse>;
export type Recommendations = z.infer<typeof recommendationsResponse>;
export type Candidates = z.infer<typeof candidatesResponse>;

export const CHANNELS: readonly Channel[] = [
  'out_of_province',
  'in_province',
  'workshop',
  'public_welfare',
  'self_employed',
  'flexible',
];

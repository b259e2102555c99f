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
import type {
  AssignCaseBody,
  RecordMeasureBody,
  RecordVerificationBody,
  ZeroEmploymentCaseResponse,
  ZeroEmploymentCasesResponse,
  caseDeadlinesResponse,
} from '../../../../contracts/src/http/cases.bodies';
import type { Channel, FollowUpOutcome, LabourCapacity } from '../../../../contracts/src/values/labour';
import type {
  CaseFinding,
  CaseMeasureKind,
  CaseVerificationMethod,
} from '../../../../contracts/src/values/cases';

/** The lists the forms offer, as the contract has them (plain data, no zod). */
export {
  CHANNELS,
  FOLLOW_UP_OUTCOMES,
  CASE_VERIFICATION_METHODS as VERIFICATION_METHODS,
  CASE_FINDINGS as FINDINGS,
  CASE_MEASURE_KINDS as MEASURE_KINDS,
} from '../../../../contracts/src/values/vocabulary';

export type {
  Channel,
  FollowUpOutcome,
  LabourCapacity,
  VacancyView,
  CaseFinding,
  CaseMeasureKind,
  CaseVerificationMethod,
};
export type { AssignCaseBody, RecordMeasureBody, RecordVerificationBody };
export type CountyFigures = CountyEmploymentResponse;
/** County, prefecture and province answers share the figures; only the code's name differs. */
export type EmploymentFigures = Omit<CountyEmploymentResponse, 'countyCode'> & {
  countyCode?: string;
  prefectureCode?: string;
  provinceCode?: string;
};

export type ZeroEmploymentCase = ZeroEmploymentCasesResponse['items'][number];
export type ZeroEmploymentCases = Omit<ZeroEmploymentCasesResponse, 'position'> & { position?: string };
export type ZeroEmploymentCaseDetail = ZeroEmploymentCaseResponse;
export type CaseTimelineEntry = ZeroEmploymentCaseResponse['timeline'][number];
export type CaseMember = ZeroEmploymentCaseResponse['members'][number];
export type CaseWarning = ZeroEmploymentCase['warning'];
export type CaseDeadlines = z.infer<typeof caseDeadlinesResponse>;
export type HouseholdEmployment = HouseholdEmploymentResponse;
export type VacancyList = z.infer<typeof vacancyListResponse>;
/** A recommendation, with its vacancy's summary (title, employer, city, wage, board and lodging). */
export type Recommendation = z.infer<typeof recommendationsResponse>['items'][number];
export type Recommendations = z.infer<typeof recommendationsResponse>;
/** A candidate, with the worker's summary (the name per the reader's scope). */
export type Candidate = z.infer<typeof candidatesResponse>['items'][number];
export type Candidates = z.infer<typeof candidatesResponse>;

/**
 * Follow-up visits after a placement (稳岗回访: 1, 3 and 6 months). Not in contracts/ yet: the shapes agreed
 * for `GET /v1/counties/:code/follow-ups?due=true` and `POST /v1/placements/:id/follow-ups`.
 */
export interface FollowUpDue {
  readonly placementId: string;
  readonly workerId: string;
  readonly householdId: string;
  readonly dueAt: string;
  readonly followUp: 1 | 3 | 6;
  readonly startDate: string;
  readonly channel: Channel;
  readonly workerName: string;
}
export interface FollowUpsDue {
  readonly items: readonly FollowUpDue[];
  readonly total: number;
  readonly position: string;
}
export interface FollowUpBody {
  readonly visitedAt: string;
  readonly outcome: FollowUpOutcome;
  readonly note?: string;
  /** changed_job: the new employment (assumed to mirror a verification's employment, without the worker). */
  readonly newEmployment?: { channel: Channel; employer?: string; startDate: string };
}

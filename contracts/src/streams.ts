/**
 * The kinds of stream, their names and the bounded context each belongs to: one home for stream ids. They are
 * part of the event contract (a consumer on the bus routes and partitions by them), so they live beside the
 * event definitions, where the domain, the application flows and the bus adapters can all read them.
 *
 * One stream per aggregate: workers live in their household's stream (ADR 0001), a person's claim in a stream
 * named by the keyed hash of the ID number (ADR 0004: no ID number in a stream name), a zero-employment case in
 * its own stream (ADR 0007), a county's settings in one, the subsidies the monitor finds in a stream per
 * household.
 */
export const STREAM_KINDS = {
  labourStation: { prefix: 'labour-station-', context: 'postings' },
  workshop: { prefix: 'workshop-', context: 'postings' },
  vacancy: { prefix: 'vacancy-', context: 'postings' },
  employer: { prefix: 'employer-', context: 'postings' },
  household: { prefix: 'household-', context: 'workforce' },
  resident: { prefix: 'resident-', context: 'workforce' },
  employmentMonitor: { prefix: 'employment-monitor-', context: 'monitor' },
  zeroEmploymentCase: { prefix: 'zero-employment-case-', context: 'monitor' },
  countySettings: { prefix: 'county-settings-', context: 'monitor' },
  // Skills training: one stream per course, the boundary of its seats.
  trainingCourse: { prefix: 'training-course-', context: 'workforce' },
  // A county's public-welfare payroll for one month: `welfare-payroll-<county>-<YYYY-MM>`.
  welfarePayroll: { prefix: 'welfare-payroll-', context: 'monitor' },
  // The transport subsidy (跨省务工一次性交通补贴): one stream per worker and year, a county's rates in one.
  transportSubsidy: { prefix: 'transport-subsidy-', context: 'monitor' },
  transportSubsidyRates: { prefix: 'subsidy-rates-', context: 'monitor' },
  // A county's monthly reports (月报), every month and revision: `monthly-report-<county>`.
  monthlyReport: { prefix: 'monthly-report-', context: 'monitor' },
} as const;

export type StreamKind = keyof typeof STREAM_KINDS;
export type BoundedContext = (typeof STREAM_KINDS)[StreamKind]['context'];

const streamOf =
  (kind: StreamKind) =>
  (id: string): string =>
    `${STREAM_KINDS[kind].prefix}${id}`;

export const labourStationStream = streamOf('labourStation');
export const workshopStream = streamOf('workshop');
export const vacancyStream = streamOf('vacancy');
export const employerStream = streamOf('employer');
export const householdStream = streamOf('household');
export const residentStream = streamOf('resident');
export const employmentMonitorStream = streamOf('employmentMonitor');
export const zeroEmploymentCaseStream = streamOf('zeroEmploymentCase');
export const countySettingsStream = streamOf('countySettings');
export const trainingCourseStream = streamOf('trainingCourse');
export const welfarePayrollStream = (countyCode: string, month: string): string =>
  streamOf('welfarePayroll')(`${countyCode}-${month}`);
export const transportSubsidyStream = streamOf('transportSubsidy');
export const transportSubsidyRatesStream = streamOf('transportSubsidyRates');
export const monthlyReportStream = streamOf('monthlyReport');

/**
 * A transport subsidy's id carries its worker and its year: `<workerId>:<year>` (the worker's subsidy of that
 * calendar year), so a command finds the worker's household, and so the eligibility, without a lookup.
 */
export const subsidyIdOf = (workerId: string, year: number): string => `${workerId}:${year}`;

/** Splits a subsidy id; undefined when it is not one (the worker id's own shape is the caller's to check). */
export function parseSubsidyId(subsidyId: string): { workerId: string; year: number } | undefined {
  const colon = subsidyId.lastIndexOf(':');
  const yearText = subsidyId.slice(colon + 1);
  if (colon <= 0 || !/^\d{4}$/.test(yearText)) return undefined;
  return { workerId: subsidyId.slice(0, colon), year: Number(yearText) };
}

/**
 * A case id carries its household and its number: `<householdId>:<caseNo>` (a household's n-th case), so the
 * case is found from the household and the household from the case without a lookup that could lag.
 */
export const caseIdOf = (householdId: string, caseNo: number): string => `${householdId}:${caseNo}`;

/** Splits a case id; undefined when it is not one. */
export function parseCaseId(caseId: string): { householdId: string; caseNo: number } | undefined {
  const colon = caseId.lastIndexOf(':');
  const caseNo = Number(caseId.slice(colon + 1));
  if (colon <= 0 || !Number.isInteger(caseNo) || caseNo < 1 || String(caseNo) !== caseId.slice(colon + 1))
    return undefined;
  return { householdId: caseId.slice(0, colon), caseNo };
}

/** The case id of a case stream, or undefined for another kind of stream. */
export const caseIdOfStream = (streamId: string): string | undefined =>
  streamId.startsWith(STREAM_KINDS.zeroEmploymentCase.prefix)
    ? streamId.slice(STREAM_KINDS.zeroEmploymentCase.prefix.length)
    : undefined;

const KINDS = Object.entries(STREAM_KINDS) as [StreamKind, (typeof STREAM_KINDS)[StreamKind]][];

/** The kind of a stream id, by its prefix (no prefix is a prefix of another); undefined for a foreign stream. */
export function streamKindOf(streamId: string): StreamKind | undefined {
  return KINDS.find(([, kind]) => streamId.startsWith(kind.prefix))?.[0];
}

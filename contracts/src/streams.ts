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
  // A county's public-welfare payroll for one month: `welfare-payroll-<county>-<YYYY-MM>`.
  welfarePayroll: { prefix: 'welfare-payroll-', context: 'monitor' },
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
export const welfarePayrollStream = (countyCode: string, month: string): string =>
  streamOf('welfarePayroll')(`${countyCode}-${month}`);

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

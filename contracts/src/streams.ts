/**
 * The kinds of stream, their names and the bounded context each belongs to: one home for stream ids. They are
 * part of the event contract (a consumer on the bus routes and partitions by them), so they live beside the
 * event definitions, where the domain, the application flows and the bus adapters can all read them.
 *
 * One stream per aggregate: workers live in their household's stream (ADR 0001), a person's claim in a stream
 * named by the keyed hash of the ID number (ADR 0004: no ID number in a stream name), the monitor's
 * transitions in a stream per household.
 */
export const STREAM_KINDS = {
  labourStation: { prefix: 'labour-station-', context: 'postings' },
  workshop: { prefix: 'workshop-', context: 'postings' },
  vacancy: { prefix: 'vacancy-', context: 'postings' },
  household: { prefix: 'household-', context: 'workforce' },
  resident: { prefix: 'resident-', context: 'workforce' },
  employmentMonitor: { prefix: 'employment-monitor-', context: 'monitor' },
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
export const householdStream = streamOf('household');
export const residentStream = streamOf('resident');
export const employmentMonitorStream = streamOf('employmentMonitor');

const KINDS = Object.entries(STREAM_KINDS) as [StreamKind, (typeof STREAM_KINDS)[StreamKind]][];

/** The kind of a stream id, by its prefix (no prefix is a prefix of another); undefined for a foreign stream. */
export function streamKindOf(streamId: string): StreamKind | undefined {
  return KINDS.find(([, kind]) => streamId.startsWith(kind.prefix))?.[0];
}

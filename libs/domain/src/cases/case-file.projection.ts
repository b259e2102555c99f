import {
  caseIdOfStream,
  parseCaseId,
  type CaseAssignee,
  type CaseClearedBy,
  type CaseFinding,
} from '@contracts';
import type { DocumentMap, EnvelopeOf, KeyedProjection } from '../shared/keyed-projection';
import {
  DEFAULT_CASE_DEADLINES,
  dueDatesOf,
  warningAt,
  type CaseDeadlines,
  type CaseWarning,
} from './case-deadlines';
import type { CaseEvent } from './case.state';

/** One entry of a case's timeline, as the county's case page shows it. */
export interface CaseTimelineEntry {
  readonly type: 'opened' | 'assigned' | 'verified' | 'measure' | 'cleared';
  /** When it happened (the visit, the measure), as the record says. */
  readonly at: string;
  /** Who recorded it (the account), or `employment-monitor` for the platform's own entries. */
  readonly by: string;
  readonly recordedAt: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** The read model of one zero-employment case (key: its case id), fed by the case's own stream. */
export interface ZeroEmploymentCaseFile {
  readonly caseId: string;
  readonly householdId: string;
  readonly countyCode: string;
  readonly caseNo: number;
  readonly openedAt: string;
  readonly clearedAt: string | null;
  readonly clearedBy: CaseClearedBy | null;
  readonly assignee: CaseAssignee | null;
  readonly measures: number;
  /** The first measure's time: the assistance deadline is met by it. */
  readonly firstMeasureAt: string | null;
  readonly lastFinding: CaseFinding | null;
  /** The latest business time on the timeline. */
  readonly lastActionAt: string;
  /** What happened at `lastActionAt` (absent from files written before it was kept). */
  readonly lastAction?: CaseTimelineEntry['type'];
  readonly timeline: readonly CaseTimelineEntry[];
  readonly lastRevision: number;
}

const entry = (
  event: EnvelopeOf<CaseEvent['type']>,
  type: CaseTimelineEntry['type'],
  at: string,
  details: Readonly<Record<string, unknown>>,
): CaseTimelineEntry => ({ type, at, by: event.metadata.actor.id, recordedAt: event.occurredAt, details });

function withEntry(
  file: ZeroEmploymentCaseFile,
  next: CaseTimelineEntry,
  changes: Partial<ZeroEmploymentCaseFile>,
) {
  // The latest by business time: a visit recorded today for last week does not come before today's measure.
  const newest = Date.parse(next.at) >= Date.parse(file.lastActionAt);
  return {
    ...file,
    ...changes,
    lastActionAt: newest ? next.at : file.lastActionAt,
    lastAction: newest ? next.type : file.lastAction,
    timeline: [...file.timeline, next],
  };
}

function evolveCaseFile(
  doc: ZeroEmploymentCaseFile | undefined,
  event: EnvelopeOf<CaseEvent['type']>,
): ZeroEmploymentCaseFile | undefined {
  const caseId = caseIdOfStream(event.streamId);
  const parsed = caseId === undefined ? undefined : parseCaseId(caseId);
  if (caseId === undefined || parsed === undefined) return doc;
  if (event.type === 'ZeroEmploymentCaseOpened') {
    if (doc) return doc;
    const { householdId, countyCode, openedAt } = event.data;
    return {
      caseId,
      householdId,
      countyCode,
      caseNo: parsed.caseNo,
      openedAt,
      clearedAt: null,
      clearedBy: null,
      assignee: null,
      measures: 0,
      firstMeasureAt: null,
      lastFinding: null,
      lastActionAt: openedAt,
      lastAction: 'opened',
      timeline: [entry(event, 'opened', openedAt, {})],
      lastRevision: event.revision,
    };
  }
  if (doc === undefined) return doc;
  switch (event.type) {
    case 'ZeroEmploymentCaseAssigned': {
      const { assignee, assignedAt } = event.data;
      const previous = doc.assignee;
      return withEntry(doc, entry(event, 'assigned', assignedAt, { assignee, previous }), { assignee });
    }
    case 'ZeroEmploymentCaseVerified': {
      const { visitedAt, method, finding, note, followUp, verificationId } = event.data;
      const details = { verificationId, method, finding, note, followUp };
      return withEntry(doc, entry(event, 'verified', visitedAt, details), { lastFinding: finding });
    }
    case 'ZeroEmploymentCaseMeasureRecorded': {
      const { takenAt, kind, takenBy, workerId, vacancyIds, note, measureId } = event.data;
      const details = { measureId, kind, takenBy, workerId, vacancyIds, note };
      const firstMeasureAt =
        doc.firstMeasureAt === null || Date.parse(takenAt) < Date.parse(doc.firstMeasureAt)
          ? takenAt
          : doc.firstMeasureAt;
      return withEntry(doc, entry(event, 'measure', takenAt, details), {
        measures: doc.measures + 1,
        firstMeasureAt,
      });
    }
    case 'ZeroEmploymentCaseCleared': {
      const { clearedAt, clearedBy } = event.data;
      return withEntry(doc, entry(event, 'cleared', clearedAt, { clearedBy }), { clearedAt, clearedBy });
    }
  }
}

/**
 * The cases, one document each, keyed by case id. Events of the type in another stream (the monitor's
 * household streams held them before cases had streams of their own, ADR 0007) are not a case's: ignored.
 */
export const caseFileProjection: KeyedProjection<ZeroEmploymentCaseFile, CaseEvent['type']> = {
  name: 'zero-employment-cases',
  handles: [
    'ZeroEmploymentCaseOpened',
    'ZeroEmploymentCaseCleared',
    'ZeroEmploymentCaseAssigned',
    'ZeroEmploymentCaseVerified',
    'ZeroEmploymentCaseMeasureRecorded',
  ],
  keyOf: (event) => caseIdOfStream(event.streamId),
  evolve: evolveCaseFile,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** A case as the work list reads it at `now`, under its county's deadlines. */
export interface CaseView extends ZeroEmploymentCaseFile {
  readonly status: 'open' | 'cleared';
  /** Days (one decimal) from opening to the clearance, or to `now` while open. */
  readonly ageDays: number;
  readonly assistDueAt: string;
  readonly clearDueAt: string;
  /** The assistance deadline passed with no measure by then. */
  readonly assistOverdue: boolean;
  /** Open past the clearing deadline, or cleared after it. */
  readonly clearOverdue: boolean;
  readonly warning: CaseWarning;
}

/**
 * What the work list filters and orders a case by at `now`, from its file's dates parsed once: every case of a
 * county is ranked per request, and only a page of them is turned into views (caseView).
 */
export interface CaseStanding {
  readonly warning: CaseWarning;
  readonly assistOverdue: boolean;
  readonly clearOverdue: boolean;
  /** Milliseconds: the clearing deadline, and the opening. */
  readonly clearDue: number;
  readonly opened: number;
}

export function caseStanding(
  file: ZeroEmploymentCaseFile,
  deadlines: CaseDeadlines,
  now: string,
): CaseStanding {
  const end = Date.parse(file.clearedAt ?? now);
  const opened = Date.parse(file.openedAt);
  const assistDue = opened + deadlines.assistWithinDays * DAY_MS;
  const clearDue = opened + deadlines.clearWithinDays * DAY_MS;
  const firstMeasure = file.firstMeasureAt === null ? undefined : Date.parse(file.firstMeasureAt);
  return {
    warning: warningAt(end, assistDue, clearDue, firstMeasure),
    assistOverdue: end > assistDue && !(firstMeasure !== undefined && firstMeasure <= assistDue),
    clearOverdue: end > clearDue,
    clearDue,
    opened,
  };
}

export function caseView(
  file: ZeroEmploymentCaseFile,
  deadlines: CaseDeadlines,
  now: string,
  standing: CaseStanding = caseStanding(file, deadlines, now),
): CaseView {
  const end = Date.parse(file.clearedAt ?? now);
  return {
    ...file,
    status: file.clearedAt === null ? 'open' : 'cleared',
    ageDays: Math.max(0, Math.round(((end - standing.opened) / DAY_MS) * 10) / 10),
    ...dueDatesOf(file.openedAt, deadlines),
    assistOverdue: standing.assistOverdue,
    clearOverdue: standing.clearOverdue,
    warning: standing.warning,
  };
}

const WARNING_RANK: Readonly<Record<CaseWarning, number>> = { red: 0, yellow: 1, green: 2 };

/** Work-list order: red, then yellow, then green; within a colour the nearest clearing deadline, then the oldest. */
export function compareByUrgency(a: CaseView, b: CaseView): number {
  return (
    WARNING_RANK[a.warning] - WARNING_RANK[b.warning] ||
    Date.parse(a.clearDueAt) - Date.parse(b.clearDueAt) ||
    Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  );
}

/** compareByUrgency on standings (the dates already parsed); `caseId`s break ties the same way. */
export function compareStandings(
  a: { readonly standing: CaseStanding; readonly caseId: string },
  b: { readonly standing: CaseStanding; readonly caseId: string },
): number {
  return (
    WARNING_RANK[a.standing.warning] - WARNING_RANK[b.standing.warning] ||
    a.standing.clearDue - b.standing.clearDue ||
    a.standing.opened - b.standing.opened ||
    (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0)
  );
}

export interface CaseQuery {
  readonly now: string;
  readonly countyCode?: string;
  readonly status?: 'open' | 'cleared';
  /** Per county; the default where a county has none. */
  readonly deadlinesOf?: (countyCode: string) => CaseDeadlines;
}

/** Every case of the files matching the query, as views (in-memory read models and tests). */
export function listCases(files: DocumentMap<ZeroEmploymentCaseFile>, query: CaseQuery): CaseView[] {
  const out: CaseView[] = [];
  for (const file of Object.values(files)) {
    if (query.countyCode !== undefined && file.countyCode !== query.countyCode) continue;
    const deadlines = query.deadlinesOf?.(file.countyCode) ?? DEFAULT_CASE_DEADLINES;
    const view = caseView(file, deadlines, query.now);
    if (query.status === undefined || view.status === query.status) out.push(view);
  }
  return out;
}

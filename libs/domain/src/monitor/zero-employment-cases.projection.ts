import type { CaseClearedBy } from '@contracts';
import type { DocumentMap, KeyedProjection } from '../shared/keyed-projection';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The practice: assist within 3 days of opening, clear within 5. */
export const ASSIST_WITHIN_DAYS = 3;
export const CLEAR_WITHIN_DAYS = 5;

export const addDays = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * DAY_MS).toISOString();

export interface ZeroEmploymentCase {
  readonly householdId: string;
  readonly countyCode: string;
  /** 1 for the household's first case; with the household id, the case's key. */
  readonly caseNo: number;
  readonly openedAt: string;
  readonly assistDueAt: string;
  readonly clearDueAt: string;
  readonly clearedAt: string | null;
  readonly clearedBy: CaseClearedBy | null;
}

/**
 * One document per household holding its cases in order (a household has a handful), fed by the events of
 * `employment-monitor-<householdId>`; a store that wants a row per case keys them by `caseKey`.
 */
export interface ZeroEmploymentCaseFile {
  readonly householdId: string;
  readonly countyCode: string;
  readonly cases: readonly ZeroEmploymentCase[];
  readonly lastRevision: number;
}

export const caseKey = (householdId: string, caseNo: number): string => `${householdId}#${caseNo}`;

type CaseEventType = 'ZeroEmploymentCaseOpened' | 'ZeroEmploymentCaseCleared';

export const zeroEmploymentCasesProjection: KeyedProjection<ZeroEmploymentCaseFile, CaseEventType> = {
  name: 'zero-employment-cases',
  handles: ['ZeroEmploymentCaseOpened', 'ZeroEmploymentCaseCleared'],
  keyOf: (event) => event.data.householdId,
  evolve(doc, event) {
    const file = doc ?? {
      householdId: event.data.householdId,
      countyCode: event.data.countyCode,
      cases: [],
      lastRevision: -1,
    };
    if (event.type === 'ZeroEmploymentCaseOpened') {
      const { householdId, countyCode, openedAt, assistDueAt, clearDueAt } = event.data;
      const opened: ZeroEmploymentCase = {
        householdId,
        countyCode,
        caseNo: file.cases.length + 1,
        openedAt,
        assistDueAt,
        clearDueAt,
        clearedAt: null,
        clearedBy: null,
      };
      return { ...file, cases: [...file.cases, opened], lastRevision: event.revision };
    }
    // A clear matches the open case with its openedAt; a clear with none open changes nothing.
    const index = file.cases.findIndex((c) => c.clearedAt === null && c.openedAt === event.data.openedAt);
    if (index < 0) return doc;
    const cleared = {
      ...file.cases[index],
      clearedAt: event.data.clearedAt,
      clearedBy: event.data.clearedBy,
    };
    const cases = file.cases.map((c, i) => (i === index ? cleared : c));
    return { ...file, cases, lastRevision: event.revision };
  },
};

export interface CaseView extends ZeroEmploymentCase {
  readonly status: 'open' | 'cleared';
  /** Whole days from opening to the clearance, or to `now` while open. */
  readonly ageDays: number;
  /** Open past its assist-due time, or cleared after it. */
  readonly assistOverdue: boolean;
  /** Open past its clear-due time, or cleared after it. */
  readonly clearOverdue: boolean;
}

/** A case as seen at `now` (the caller's clock, passed in: the projection itself never reads one). */
export function caseView(c: ZeroEmploymentCase, now: string): CaseView {
  const end = Date.parse(c.clearedAt ?? now);
  return {
    ...c,
    status: c.clearedAt === null ? 'open' : 'cleared',
    ageDays: Math.max(0, Math.floor((end - Date.parse(c.openedAt)) / DAY_MS)),
    assistOverdue: end > Date.parse(c.assistDueAt),
    clearOverdue: end > Date.parse(c.clearDueAt),
  };
}

export interface CaseQuery {
  readonly now: string;
  readonly countyCode?: string;
  readonly status?: 'open' | 'cleared';
}

/** Every case of the files matching the query, as views. */
export function listCases(files: DocumentMap<ZeroEmploymentCaseFile>, query: CaseQuery): CaseView[] {
  const out: CaseView[] = [];
  for (const file of Object.values(files)) {
    if (query.countyCode !== undefined && file.countyCode !== query.countyCode) continue;
    for (const c of file.cases) {
      const view = caseView(c, query.now);
      if (query.status === undefined || view.status === query.status) out.push(view);
    }
  }
  return out;
}

/** Work-list order: overdue to clear first, then overdue to assist, then oldest first; ties by household. */
export function compareByUrgency(a: CaseView, b: CaseView): number {
  return (
    Number(b.clearOverdue) - Number(a.clearOverdue) ||
    Number(b.assistOverdue) - Number(a.assistOverdue) ||
    Date.parse(a.openedAt) - Date.parse(b.openedAt) ||
    (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : a.caseNo - b.caseNo)
  );
}

/** The open cases of a county (or all), most urgent first. */
export const openCasesByUrgency = (
  files: DocumentMap<ZeroEmploymentCaseFile>,
  now: string,
  countyCode?: string,
): CaseView[] => listCases(files, { now, countyCode, status: 'open' }).sort(compareByUrgency);

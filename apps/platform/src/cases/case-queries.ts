import { Inject, Injectable } from '@nestjs/common';
import type { ZeroEmploymentCasesQuery } from '@contracts';
import { nameVisibility, visibleName, type NameVisibility, type Principal } from '@lib/auth';
import { caseFilesCollection, countySettingsCollection, householdsCollection } from '@lib/application';
import {
  caseStanding,
  caseView,
  compareStandings,
  deadlinesAt,
  deadlinesOf,
  type CaseDeadlines,
  type CaseView,
  type CountySettings,
  type ZeroEmploymentCaseFile,
} from '@lib/domain/cases';
import type { HouseholdEmployment } from '@lib/domain/monitor';
import { findAll, type ReadStore } from '@lib/read-store';
import { MONITOR_READ_STORE } from '../monitor/monitor-runtime';
import { pageOf } from '../monitor/in-memory-page';

/**
 * A case as the work list shows it (the contract's item), with its household's head named as `visibility`
 * allows: masked for the admin in the list, whole on the case's own page and to the county's office.
 */
export function caseItemOf(
  view: CaseView,
  household: HouseholdEmployment | undefined,
  visibility: NameVisibility,
) {
  const head = household?.members.find((m) => m.memberNo === 1) ?? household?.members[0];
  return {
    caseId: view.caseId,
    caseNo: view.caseNo,
    householdId: view.householdId,
    countyCode: view.countyCode,
    status: view.status,
    openedAt: view.openedAt,
    clearedAt: view.clearedAt,
    clearedBy: view.clearedBy,
    ageDays: view.ageDays,
    assignee: view.assignee,
    warning: view.warning,
    assistDueAt: view.assistDueAt,
    clearDueAt: view.clearDueAt,
    assistOverdue: view.assistOverdue,
    clearOverdue: view.clearOverdue,
    measures: view.measures,
    lastFinding: view.lastFinding,
    lastActionAt: view.lastActionAt,
    lastAction: view.lastAction ?? null,
    household: household
      ? {
          headName: head ? visibleName(head.name, visibility) : null,
          relocationSiteId: household.relocationSiteId,
          members: household.members.length,
        }
      : null,
  };
}

/**
 * The case work-list and case pages, over the monitor's collections. A county's cases are read whole (a county
 * has at most a few thousand open) and ordered in memory: the order depends on `now` and the county's deadlines.
 */
@Injectable()
export class CaseQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  async deadlines(countyCode: string): Promise<{ deadlines: CaseDeadlines; isDefault: boolean }> {
    const settings = await this.settingsOf(countyCode);
    return { deadlines: deadlinesOf(settings), isDefault: settings === undefined };
  }

  private async settingsOf(countyCode: string): Promise<CountySettings | undefined> {
    return (await this.store.load(countySettingsCollection, [countyCode])).get(countyCode);
  }

  /** The JSON list and its sheet both read this page: the names in it are already as the caller may see them. */
  async list(countyCode: string, query: ZeroEmploymentCasesQuery, now: string, caller: Principal) {
    const [settings, files] = await Promise.all([
      this.settingsOf(countyCode),
      findAll(this.store, caseFilesCollection, { countyCode, status: query.status }),
    ]);
    const assignee = query.assignee === 'me' ? caller.sub : query.assignee;
    // Every case is ranked (its colour and deadlines now), only the page's are made views: a county's list
    // is read whole per request, and a view copies its file (timeline included).
    const ranked = files
      .map((file) => {
        const deadlines = deadlinesUnder(settings, file);
        return { file, deadlines, caseId: file.caseId, standing: caseStanding(file, deadlines, now) };
      })
      .filter((r) => query.warning === undefined || r.standing.warning === query.warning)
      .filter((r) => assignee === undefined || (r.file.assignee?.id ?? 'none') === assignee)
      .filter((r) => query.overdue !== 'true' || r.standing.assistOverdue || r.standing.clearOverdue)
      .sort(query.status === 'open' ? compareStandings : latestClearedFirst);
    const ranks = pageOf(ranked, query.limit, query.cursor);
    const page = {
      items: ranks.items.map((r) => caseView(r.file, r.deadlines, now, r.standing)),
      nextCursor: ranks.nextCursor,
    };
    const households = await this.store.load(
      householdsCollection,
      page.items.map((v) => v.householdId),
    );
    const visibility = nameVisibility(caller, { countyCode, view: 'list' });
    return {
      items: page.items.map((v) => caseItemOf(v, households.get(v.householdId), visibility)),
      total: ranked.length,
      nextCursor: page.nextCursor,
    };
  }

  async one(caseId: string, now: string) {
    const file = (await this.store.load(caseFilesCollection, [caseId])).get(caseId);
    if (!file) return undefined;
    const [settings, households] = await Promise.all([
      this.settingsOf(file.countyCode),
      this.store.load(householdsCollection, [file.householdId]),
    ]);
    const household = households.get(file.householdId);
    return { view: viewUnder(settings, file, now), household };
  }
}

/** An open case is under the county's deadlines now; a cleared one under those in force when it cleared. */
const deadlinesUnder = (settings: CountySettings | undefined, file: ZeroEmploymentCaseFile): CaseDeadlines =>
  file.clearedAt === null ? deadlinesOf(settings) : deadlinesAt(settings, file.clearedAt);

const viewUnder = (settings: CountySettings | undefined, file: ZeroEmploymentCaseFile, now: string) =>
  caseView(file, deadlinesUnder(settings, file), now);

const latestClearedFirst = (
  a: { readonly file: ZeroEmploymentCaseFile },
  b: { readonly file: ZeroEmploymentCaseFile },
): number =>
  (b.file.clearedAt ?? '').localeCompare(a.file.clearedAt ?? '') ||
  a.file.caseId.localeCompare(b.file.caseId);

import type { Gender, LabourCapacity, WageRange } from '@contracts';
import { nameVisibility, visibleName, type Principal } from '@lib/auth';
import { ageAt } from '@lib/matching';
import { relocationSitesOf } from '@seeds/relocation-sites';
import type { MatchingProjection } from './matching-projection';

/** A vacancy's line: enough to show it without a second call (no personal data). */
export interface VacancySummary {
  readonly title: string;
  readonly employer: { readonly name: string };
  readonly location: { readonly province: string; readonly city: string };
  readonly wage: WageRange;
  readonly accommodation: boolean;
  /** Null when the posting does not say. */
  readonly meals: boolean | null;
}

/** A worker's line: the name only as the caller may see it (whole, masked, or null). */
export interface WorkerSummary {
  readonly name: string | null;
  readonly age: number;
  readonly gender: Gender | null;
  readonly labourCapacity: LabourCapacity;
  readonly countyCode: string;
  readonly relocationSite: { readonly id: string; readonly name: string | null };
}

export function vacancySummaryOf(state: MatchingProjection, vacancyId: string): VacancySummary | undefined {
  const posting = state.vacancy(vacancyId)?.posting;
  if (!posting) return undefined;
  return {
    title: posting.title,
    employer: { name: state.names.employer(posting) },
    location: { province: posting.location.province, city: posting.location.city },
    wage: posting.wage,
    accommodation: posting.accommodation,
    meals: posting.meals ?? null,
  };
}

const siteName = (countyCode: string, siteId: string): string | null =>
  relocationSitesOf(countyCode).find((site) => site.id === siteId)?.name ?? null;

/**
 * A worker's summary for `principal` in a list (libs/auth personal-data: the county's office and brokers see
 * the name whole, the admin masked, a station or workshop none, since a candidate is placed with no one).
 */
export function workerSummaryOf(
  state: MatchingProjection,
  workerId: string,
  principal: Principal,
  now: string,
): WorkerSummary | undefined {
  const household = state.household(workerId.slice(0, workerId.lastIndexOf('.')));
  const worker = household?.workers.get(workerId);
  if (!household || !worker) return undefined;
  const extras = state.workerExtras(workerId);
  const visibility = nameVisibility(principal, { countyCode: household.countyCode, view: 'list' });
  return {
    name: extras.name === undefined ? null : visibleName(extras.name, visibility),
    age: ageAt(worker, { now: Date.parse(now) }),
    gender: extras.gender ?? null,
    labourCapacity: worker.labourCapacity,
    countyCode: household.countyCode,
    relocationSite: {
      id: household.relocationSiteId,
      name: siteName(household.countyCode, household.relocationSiteId),
    },
  };
}

/** Items with their vacancy's line; an item whose vacancy is gone meanwhile is left out. */
export function withVacancySummaries<T extends { readonly vacancyId: string }>(
  state: MatchingProjection,
  items: readonly T[],
): (T & { vacancy: VacancySummary })[] {
  return items.flatMap((item) => {
    const vacancy = vacancySummaryOf(state, item.vacancyId);
    return vacancy ? [{ ...item, vacancy }] : [];
  });
}

/** Items with their worker's line as `principal` may see it; an unknown worker is left out. */
export function withWorkerSummaries<T extends { readonly workerId: string }>(
  state: MatchingProjection,
  items: readonly T[],
  principal: Principal,
  now: string,
): (T & { worker: WorkerSummary })[] {
  return items.flatMap((item) => {
    const worker = workerSummaryOf(state, item.workerId, principal, now);
    return worker ? [{ ...item, worker }] : [];
  });
}

/**
 * A stored plan keeps its lines without names (a plan outlives the token that asked for it): each answer
 * puts back the names as the asking principal may see them.
 */
export function withoutNames<T extends { readonly worker: WorkerSummary }>(pairs: readonly T[]): T[] {
  return pairs.map((pair) => ({ ...pair, worker: { ...pair.worker, name: null } }));
}

export function withNamesFor<T extends { readonly workerId: string; readonly worker: WorkerSummary }>(
  state: MatchingProjection,
  pairs: readonly T[],
  principal: Principal,
  now: string,
): T[] {
  return pairs.map((pair) => {
    const name = workerSummaryOf(state, pair.workerId, principal, now)?.name ?? null;
    return { ...pair, worker: { ...pair.worker, name } };
  });
}

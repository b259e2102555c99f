import { Inject, Injectable } from '@nestjs/common';
import { GUIZHOU_PROVINCE_CODE, parseWorkerId, type ListVacanciesQuery, type VacancyView } from '@contracts';
import {
  employmentView,
  regionFigures,
  regionKey,
  ZERO_COUNTS,
  type HouseholdEmployment,
  type OpenVacancy,
  type RegionLevel,
  type WorkerEmploymentStatus,
} from '@lib/domain/monitor';
import type { CollectionSpec, FieldValue, ReadStore } from '@lib/read-store';
import {
  householdsCollection,
  regionsCollection,
  vacanciesCollection,
  workersCollection,
} from '@lib/application';
import { badCursor, pageOf } from './in-memory-page';
import { MONITOR_READ_STORE } from './monitor-runtime';

const SCAN_PAGE = 1000;

/** The contract's `full` is the projection's `filled`. */
const toContractStatus = (status: OpenVacancy['status']): VacancyView['status'] =>
  status === 'filled' ? 'full' : status;
const toProjectionStatus = (status: VacancyView['status']): OpenVacancy['status'] =>
  status === 'full' ? 'filled' : status;

export function vacancyViewOf(v: OpenVacancy) {
  return {
    vacancyId: v.vacancyId,
    source: v.source,
    title: v.title,
    occupation: v.occupation,
    skills: v.skills,
    location: v.location,
    openings: v.openings,
    filled: v.confirmedPlacementIds.length,
    reserved: v.reservedPlacementIds.length,
    remainingOpenings: v.remainingOpenings,
    wage: v.wage,
    ageRange: v.ageRange,
    labourCapacities: v.labourCapacities,
    accommodation: v.accommodation,
    status: toContractStatus(v.status),
    postedAt: v.postedAt,
    expiresAt: v.expiresAt,
  };
}

/**
 * The read side's queries over the monitor collections. Thin: filtering, paging and shaping only; every
 * figure comes from the pure projections of libs/domain/src/monitor.
 */
@Injectable()
export class MonitorQueries {
  constructor(@Inject(MONITOR_READ_STORE) private readonly store: ReadStore) {}

  /** The figures of a region; zeros when nothing was registered there yet. */
  async regionEmployment(level: RegionLevel, code: string) {
    const [doc] = (await this.store.load(regionsCollection, [regionKey(level, code)])).values();
    return employmentView(doc ?? regionFigures(level, code, ZERO_COUNTS));
  }

  provinceEmployment() {
    return this.regionEmployment('province', GUIZHOU_PROVINCE_CODE);
  }

  async household(householdId: string): Promise<HouseholdEmployment | undefined> {
    return (await this.store.load(householdsCollection, [householdId])).get(householdId);
  }

  /** The worker's status and its household (for the county the worker belongs to). */
  async worker(
    workerId: string,
  ): Promise<{ worker: WorkerEmploymentStatus; household: HouseholdEmployment } | undefined> {
    const parsed = parseWorkerId(workerId);
    if (!parsed) return undefined;
    const [workers, households] = await Promise.all([
      this.store.load(workersCollection, [workerId]),
      this.store.load(householdsCollection, [parsed.householdId]),
    ]);
    const worker = workers.get(workerId);
    const household = households.get(parsed.householdId);
    return worker && household ? { worker, household } : undefined;
  }

  /** Newest first. A `sourceId` filter is not indexed: those lists are gathered and paged in memory. */
  async vacancies(query: ListVacanciesQuery) {
    const where: { countyCode?: string; status?: string; sourceType?: string } = {};
    if (query.county !== undefined) where.countyCode = query.county;
    if (query.status !== undefined) where.status = toProjectionStatus(query.status);
    if (query.source !== undefined) where.sourceType = query.source;
    if (query.sourceId !== undefined) {
      const all = (await this.scan(vacanciesCollection, where))
        .filter((v) => v.source.id === query.sourceId)
        .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.vacancyId.localeCompare(b.vacancyId));
      const page = pageOf(all, query.limit, query.cursor);
      return { items: page.items.map(vacancyViewOf), total: all.length, nextCursor: page.nextCursor };
    }
    let page;
    try {
      page = await this.store.find(vacanciesCollection, {
        where,
        orderBy: { field: 'postedAt', direction: 'desc' },
        limit: query.limit,
        after: query.cursor,
      });
    } catch (error) {
      if (error instanceof RangeError) throw badCursor();
      throw error;
    }
    const total = await this.store.count(vacanciesCollection, where);
    return { items: page.items.map(vacancyViewOf), total, nextCursor: page.next };
  }

  /** Every document matching `where`, read in store pages. */
  private async scan<TDoc, TField extends string>(
    collection: CollectionSpec<TDoc, TField>,
    where: { readonly [K in TField]?: FieldValue },
  ): Promise<TDoc[]> {
    const out: TDoc[] = [];
    let after: string | undefined;
    do {
      const page = await this.store.find(collection, { where, limit: SCAN_PAGE, after });
      out.push(...page.items);
      after = page.next ?? undefined;
    } while (after !== undefined);
    return out;
  }
}

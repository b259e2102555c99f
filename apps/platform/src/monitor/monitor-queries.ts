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
import { findAll, type ReadStore } from '@lib/read-store';
import {
  findOverdueVacancies,
  householdsCollection,
  regionsCollection,
  vacanciesCollection,
  workersCollection,
  type Clock,
} from '@lib/application';
import { CLOCK } from '../clock/clock.module';
import { badCursor, pageOf } from './in-memory-page';
import { MONITOR_READ_STORE } from './monitor-runtime';
import { mergedPage, statusAt } from './vacancy-pages';
import { toContractStatus, vacancyDetailOf } from './vacancy-detail';
import { DirectoryQueries } from '../employers/directory-queries';
import type { DirectoryEntry } from '@lib/domain/employers/directory.projection';
import { employerOf } from '@lib/domain/employers/vacancy-employer';

const toProjectionStatus = (status: VacancyView['status']): OpenVacancy['status'] =>
  status === 'full' ? 'filled' : status;

/**
 * A vacancy as the list shows it at `now` (an open vacancy whose expiresAt has come is expired), with its
 * employer by name (its poster's when it names none): the one place a list item is built.
 */
export function vacancyViewOf(
  v: OpenVacancy,
  now: string,
  directory: ReadonlyMap<string, DirectoryEntry>,
): VacancyView {
  const { employerId, name } = employerOf(v, directory);
  return {
    vacancyId: v.vacancyId,
    source: v.source,
    title: v.title,
    occupation: v.occupation,
    skills: [...v.skills],
    employer: employerId === undefined ? { name } : { employerId, name },
    location: v.location,
    openings: v.openings,
    filled: v.confirmedPlacementIds.length,
    reserved: v.reservedPlacementIds.length,
    remainingOpenings: v.remainingOpenings,
    wage: v.wage,
    ageRange: v.ageRange,
    labourCapacities: [...v.labourCapacities],
    accommodation: v.accommodation,
    status: toContractStatus(statusAt(v, now)),
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
  constructor(
    @Inject(MONITOR_READ_STORE) private readonly store: ReadStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly directory: DirectoryQueries,
  ) {}

  /** One vacancy with its details, employer and poster by name; undefined when it was never posted. */
  async vacancy(vacancyId: string) {
    const v = (await this.store.load(vacanciesCollection, [vacancyId])).get(vacancyId);
    if (!v) return undefined;
    return vacancyDetailOf(v, this.clock.now(), await this.directory.entriesFor([v]));
  }

  /** The list items of these vacancies (any list, e.g. an export), their employers and posters loaded at once. */
  async vacancyItems(vacancies: readonly OpenVacancy[], now: string): Promise<VacancyView[]> {
    const directory = await this.directory.entriesFor(vacancies);
    return vacancies.map((v) => vacancyViewOf(v, now, directory));
  }

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

  /**
   * Newest first. The status is the one a vacancy has now: open or full with its expiresAt come is expired,
   * before the scheduler has appended VacancyExpired too. A `sourceId` filter is not indexed: those lists
   * are gathered and paged in memory.
   */
  async vacancies(query: ListVacanciesQuery) {
    const now = this.clock.now();
    const where: { countyCode?: string; status?: string; sourceType?: string } = {};
    if (query.county !== undefined) where.countyCode = query.county;
    if (query.source !== undefined) where.sourceType = query.source;
    const status = query.status === undefined ? undefined : toProjectionStatus(query.status);
    if (query.sourceId !== undefined) {
      const all = (await findAll(this.store, vacanciesCollection, where))
        .filter(
          (v) => v.source.id === query.sourceId && (status === undefined || statusAt(v, now) === status),
        )
        .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.vacancyId.localeCompare(b.vacancyId));
      const page = pageOf(all, query.limit, query.cursor);
      return {
        items: await this.vacancyItems(page.items, now),
        total: all.length,
        nextCursor: page.nextCursor,
      };
    }
    try {
      if (status === undefined) {
        const page = await this.store.find(vacanciesCollection, {
          where,
          orderBy: { field: 'postedAt', direction: 'desc' },
          limit: query.limit,
          after: query.cursor,
        });
        const total = await this.store.count(vacanciesCollection, where);
        return { items: await this.vacancyItems(page.items, now), total, nextCursor: page.next };
      }
      return await this.vacanciesByStatusNow(where, status, now, query);
    } catch (error) {
      if (error instanceof RangeError) throw badCursor();
      throw error;
    }
  }

  /**
   * One status as it is now: the store's list of that status without its overdue vacancies (open, full), or
   * with them (expired). The overdue ones are few (those the scheduler has not expired yet): the due list finds
   * them without reading the open vacancies.
   */
  private async vacanciesByStatusNow(
    where: { countyCode?: string; sourceType?: string },
    status: OpenVacancy['status'],
    now: string,
    query: ListVacanciesQuery,
  ) {
    const overdue = await this.overdueVacancies(where, now);
    const stored = { ...where, status };
    const page = await mergedPage({
      read: (after, limit) =>
        this.store.find(vacanciesCollection, {
          where: stored,
          orderBy: { field: 'postedAt', direction: 'desc' },
          limit,
          after,
        }),
      keep: (v) => statusAt(v, now) === status,
      extras: status === 'expired' ? overdue : [],
      limit: query.limit,
      cursor: query.cursor,
    });
    const count = await this.store.count(vacanciesCollection, stored);
    const total =
      status === 'expired'
        ? count + overdue.length
        : count - overdue.filter((v) => v.status === status).length;
    return { items: await this.vacancyItems(page.items, now), total, nextCursor: page.nextCursor };
  }

  /** The vacancies still open or full in the store whose expiresAt has come, matching `where`. */
  private async overdueVacancies(
    where: { countyCode?: string; sourceType?: string },
    now: string,
  ): Promise<OpenVacancy[]> {
    // A due item's county is the posting's (a public-welfare post without a location county is its runner's):
    // a superset of the list's county, which the filter below narrows to the document's own.
    const due = await findOverdueVacancies(this.store, {
      now,
      limit: Number.MAX_SAFE_INTEGER,
      ...(where.countyCode === undefined ? {} : { countyCode: where.countyCode }),
    });
    const docs = await this.store.load(
      vacanciesCollection,
      due.map((d) => d.vacancyId),
    );
    return [...docs.values()].filter(
      (v) =>
        v.status !== statusAt(v, now) &&
        (where.countyCode === undefined || (v.countyCode ?? '') === where.countyCode) &&
        (where.sourceType === undefined || v.source.type === where.sourceType),
    );
  }
}

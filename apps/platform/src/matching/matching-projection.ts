import type { DomainEvent } from '@contracts';
import { placementCandidateOf } from '@lib/domain/placements/placement-saga';
import { checkPlacementConstraints } from '@lib/domain/postings/placement-constraints';
import { HOUSEHOLD_EVENT_TYPES } from '@lib/domain/monitor/household-employment';
import { VACANCY_EVENT_TYPES } from '@lib/domain/monitor/open-vacancies.projection';
import { START, type Position } from '@lib/event-store';
import {
  evolveVacancy,
  type PostedVacancyState,
  type VacancyEvent,
} from '@lib/domain/postings/vacancy.state';
import {
  evolveHousehold,
  initialHouseholdState,
  type HouseholdEvent,
  type RegisteredHousehold,
} from '@lib/domain/workforce/household.state';
import { RecommendationIndex } from '@lib/matching';
import { OfferNames } from './offer-names';
import { PositionWaiters } from '@lib/read-store';
import {
  NO_EXTRAS,
  toMatchingHousehold,
  toMatchingVacancy,
  toMatchingWorker,
  withTraining,
  type PosterDirectory,
  type WorkerExtras,
} from './matching-state';

// The events of the two streams matching folds: the same lists the monitor's projections handle.
const HOUSEHOLD_EVENTS = new Set<string>(HOUSEHOLD_EVENT_TYPES satisfies readonly HouseholdEvent['type'][]);
const VACANCY_EVENTS = new Set<string>(VACANCY_EVENT_TYPES satisfies readonly VacancyEvent['type'][]);

const isHouseholdEvent = (e: DomainEvent): e is HouseholdEvent => HOUSEHOLD_EVENTS.has(e.type);
const isVacancyEvent = (e: DomainEvent): e is VacancyEvent => VACANCY_EVENTS.has(e.type);
const householdIdOf = (e: HouseholdEvent): string => e.data.householdId;

/**
 * The platform's matching state, in memory: the households and vacancies as their deciders fold them,
 * mapped onto libs/matching's model and kept in its RecommendationIndex, updated event by event. Rebuilt
 * from the start of the log at every start (a province is a few hundred MB; no checkpoint to go stale).
 */
export class MatchingProjection {
  readonly index = new RecommendationIndex();
  private readonly households = new Map<string, RegisteredHousehold>();
  private readonly householdsByCounty = new Map<string, Set<string>>();
  private readonly vacancies = new Map<string, PostedVacancyState>();
  private readonly extras = new Map<string, WorkerExtras>();
  private readonly posters = {
    workshops: new Map<string, { countyCode: string; relocationSiteId: string }>(),
    stations: new Map<string, string>(),
  } satisfies PosterDirectory;
  /** Employers and posters by name, for the summary lines of recommendations and plans. */
  readonly names = new OfferNames();
  private current: Position = START;
  private readonly waiters = new PositionWaiters();

  /** The last global position applied. */
  position(): Position {
    return this.current;
  }

  household(id: string): RegisteredHousehold | undefined {
    return this.households.get(id);
  }

  vacancy(id: string): PostedVacancyState | undefined {
    return this.vacancies.get(id);
  }

  /** What is kept of a worker beside the household state: trainings, returnee, name and gender. */
  workerExtras(workerId: string): WorkerExtras {
    return this.extras.get(workerId) ?? NO_EXTRAS;
  }

  householdIdsIn(countyCode: string): ReadonlySet<string> {
    return this.householdsByCounty.get(countyCode) ?? new Set();
  }

  apply(event: DomainEvent, position: Position): void {
    if (isHouseholdEvent(event)) this.applyHousehold(event);
    else if (isVacancyEvent(event)) this.applyVacancy(event);
    else if (event.type === 'WorkshopCertified') {
      const { workshopId, countyCode, relocationSiteId } = event.data;
      this.posters.workshops.set(workshopId, { countyCode, relocationSiteId });
    } else if (event.type === 'LabourStationRegistered') {
      this.posters.stations.set(event.data.stationId, event.data.managingRegionCode);
    }
    this.names.apply(event);
    this.advance(position);
  }

  /** Marks a position applied without an event (an event of no interest, or one that did not decode). */
  advance(position: Position): void {
    if (position <= this.current) return;
    this.current = position;
    this.waiters.reached(position);
  }

  /** Resolves true once `position` is applied, false after `timeoutMs`: read-your-writes. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.current >= position) return Promise.resolve(true);
    return this.waiters.wait(position, timeoutMs);
  }

  private applyHousehold(event: HouseholdEvent): void {
    const id = householdIdOf(event);
    const next = evolveHousehold(this.households.get(id) ?? initialHouseholdState(), event);
    if (next.status !== 'registered') return;
    this.households.set(id, next);
    if (event.type === 'HouseholdRegistered') {
      let set = this.householdsByCounty.get(next.countyCode);
      if (!set) this.householdsByCounty.set(next.countyCode, (set = new Set()));
      set.add(id);
    } else if (event.type === 'WorkerRegistered') {
      const { workerId, returnee, name, gender } = event.data;
      this.extras.set(workerId, { trainings: [], returnee: returnee === true, name, gender });
    } else if (event.type === 'WorkerTrainingCompleted') {
      const { workerId, skill } = event.data;
      this.extras.set(workerId, withTraining(this.extras.get(workerId) ?? NO_EXTRAS, skill));
    }
    this.syncHousehold(next);
  }

  /** A household's employed count moves every member's score: re-file them all (a handful). */
  private syncHousehold(household: RegisteredHousehold): void {
    this.index.upsertHousehold(toMatchingHousehold(household));
    for (const worker of household.workers.values()) {
      const mapped = toMatchingWorker(household, worker, this.extras.get(worker.workerId));
      // Employed or without capacity: not a candidate (kept out of the index, found again when free).
      if (mapped && !mapped.employed) this.index.upsertWorker(mapped);
      else this.index.removeWorker(worker.workerId);
    }
  }

  private applyVacancy(event: VacancyEvent): void {
    const id = event.data.vacancyId;
    const next = evolveVacancy(this.vacancies.get(id) ?? { status: 'none' }, event);
    if (next.status === 'none') return;
    this.vacancies.set(id, next);
    if (next.status !== 'open') this.index.removeVacancy(id);
    else if (event.type === 'VacancyPosted') this.index.upsertVacancy(toMatchingVacancy(next, this.posters));
    else this.refreshVacancy(next, event);
  }

  private refreshVacancy(vacancy: PostedVacancyState, event: VacancyEvent): void {
    const mapped = toMatchingVacancy(vacancy, this.posters);
    if (event.type === 'VacancyExpiryExtended') this.index.upsertVacancy(mapped);
    // Openings and reservations leave the bucket keys as they are.
    else this.index.setRemainingOpenings(mapped.id, mapped.remainingOpenings);
  }

  /** The mapped vacancy as the index holds it, for the plan's instance (closed ones are not there). */
  mappedVacancy(id: string) {
    const v = this.vacancies.get(id);
    return v && v.status === 'open' ? toMatchingVacancy(v, this.posters) : undefined;
  }

  /**
   * Whether the placement command's own rules let this worker take this vacancy now (its constraints,
   * openings, expiry, the worker free): the guard that keeps a recommendation from being refused later.
   */
  placementAllows(workerId: string, vacancyId: string, now: string): boolean {
    const vacancy = this.vacancies.get(vacancyId);
    const household = this.households.get(workerId.slice(0, workerId.lastIndexOf('.')));
    const worker = household?.workers.get(workerId);
    const candidate = household && placementCandidateOf(household, workerId);
    if (!vacancy || !worker || !candidate || worker.activeEmployment) return false;
    if (vacancy.status !== 'open' || Date.parse(vacancy.expiresAt) <= Date.parse(now)) return false;
    if (vacancy.openings - vacancy.pending - vacancy.confirmed <= 0) return false;
    return checkPlacementConstraints(vacancy, candidate, now) === undefined;
  }

  mappedWorkers(household: RegisteredHousehold) {
    return [...household.workers.values()].flatMap((w) => {
      const mapped = toMatchingWorker(household, w, this.extras.get(w.workerId));
      return mapped ? [mapped] : [];
    });
  }
}

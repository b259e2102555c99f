import type { DomainEvent } from '@contracts';
import {
  evolveHouseholdProfile,
  type HouseholdProfile,
  type MemberProfile,
  profileStatusOf,
  type ProfileStatus,
} from '@lib/domain/people/household-profile.projection';
import { HOUSEHOLD_EVENT_TYPES } from '@lib/domain/monitor/household-employment';
import type { HouseholdEvent } from '@lib/domain/workforce/household.state';
import { START, type Position } from '@lib/event-store';
import { PositionWaiters } from '@lib/read-store';
import { PersonKeys } from './person-keys';
import { PosterPlacements } from './poster-placements';

const HOUSEHOLD_EVENTS = new Set<string>(['ResidentIdClaimVoided', ...HOUSEHOLD_EVENT_TYPES]);
const isHouseholdEvent = (e: DomainEvent): e is HouseholdEvent => HOUSEHOLD_EVENTS.has(e.type);
const STATUSES: readonly ProfileStatus[] = ['zero_employment', 'employed', 'no_labour'];

/** Who may see a person: the counties it covers, or only the people placed in its own vacancies. */
export type PeopleScope = { readonly counties: 'all' | readonly string[] } | { readonly placedWith: string };

/** A vacancy's poster as the scope names it: `labour_station:<id>`, `workshop:<id>`, `public_welfare:<county>`. */
export const posterKey = (source: { type: string; id: string }): string => `${source.type}:${source.id}`;

export interface PeopleQuery {
  readonly q?: string;
  readonly idNumberHash?: string;
  readonly countyCode?: string;
  readonly status?: ProfileStatus;
  readonly siteId?: string;
}

export interface WorkerHit {
  readonly household: HouseholdProfile;
  readonly member: MemberProfile;
}

export interface HouseholdHit {
  readonly household: HouseholdProfile;
  /** The members the search text or ID number found; empty when the list was not searched. */
  readonly matched: readonly MemberProfile[];
}

/** What a search found: its size, and the hits of one page made only when asked for. */
export interface Found<T> {
  readonly total: number;
  slice(start: number, end: number): T[];
}

/**
 * The household profiles and their search index, in memory, fed event by event from the log (rebuilt from
 * its start at every start, then live: ADR 0011). A person has a slot and a household an index (integers,
 * in registration order); the index maps name characters and pairs of characters, pinyin initials, a
 * phone's last 4 digits and the ID hash to slots, so a search touches the people that can match, not the
 * province. A search keeps slots (numbers) and makes objects for the page it answers only.
 */
export class PeopleIndex {
  private readonly householdIndex = new Map<string, number>();
  private readonly householdDocs: HouseholdProfile[] = [];
  private readonly householdStatus: number[] = [];
  private readonly householdsByCounty = new Map<string, number[]>();
  private readonly slotOf = new Map<string, number>();
  private readonly slotWorker: string[] = [];
  private readonly slotHousehold: number[] = [];
  private readonly keys = new PersonKeys();
  private readonly placements = new PosterPlacements();
  private current: Position = START;
  private readonly waiters = new PositionWaiters();

  position(): Position {
    return this.current;
  }

  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return position <= this.current ? Promise.resolve(true) : this.waiters.wait(position, timeoutMs);
  }

  /** Moves past an event that is not applied (one that could not be decoded). */
  advance(position: Position): void {
    if (position <= this.current) return;
    this.current = position;
    this.waiters.reached(position);
  }

  /** Applies one event at its position; an event at or before the last position applied is a replay, ignored. */
  apply(event: DomainEvent, position: Position): void {
    if (position <= this.current) return;
    if (isHouseholdEvent(event)) {
      this.applyHousehold(event);
      this.applyPlacement(event);
    } else if (event.type === 'VacancyPosted') {
      this.placements.posted(posterKey(event.data.source), event.data.vacancyId);
    }
    this.advance(position);
  }

  get householdCount(): number {
    return this.householdDocs.length;
  }

  get personCount(): number {
    return this.slotWorker.length;
  }

  household(householdId: string): HouseholdProfile | undefined {
    const index = this.householdIndex.get(householdId);
    return index === undefined ? undefined : this.householdDocs[index];
  }

  worker(workerId: string): WorkerHit | undefined {
    const slot = this.slotOf.get(workerId);
    return slot === undefined ? undefined : this.hitOf(slot);
  }

  /** The member is placed now (a placement neither ended nor voided) in a vacancy of this poster. */
  isPlacedWith(workerId: string, poster: string): boolean {
    const slot = this.slotOf.get(workerId);
    return slot !== undefined && this.placedSlots(poster).has(slot);
  }

  /** The workers found, in registration order. */
  findWorkers(query: PeopleQuery, scope: PeopleScope): Found<WorkerHit> {
    const candidates = this.searched(query) ?? this.unsearched(query, scope);
    // Nothing to filter (the admin, no county, site or status): the candidates are the answer, not copied.
    const unfiltered =
      'counties' in scope &&
      scope.counties === 'all' &&
      query.countyCode === undefined &&
      query.siteId === undefined &&
      query.status === undefined;
    const keep = this.filterOf(query, scope);
    const found = unfiltered ? candidates : candidates.filter(keep);
    return { total: found.length, slice: (start, end) => found.slice(start, end).map((s) => this.hitOf(s)) };
  }

  /** The households found, in order of their first member found (of registration when not searched). */
  findHouseholds(query: PeopleQuery, scope: PeopleScope): Found<HouseholdHit> {
    const searched = this.searched(query);
    if (searched === undefined && !('placedWith' in scope)) {
      const keep = this.householdFilterOf(query, scope);
      const found = this.householdsFor(query, scope).filter(keep);
      return {
        total: found.length,
        slice: (start, end) =>
          found.slice(start, end).map((h) => ({ household: this.householdDocs[h], matched: [] })),
      };
    }
    const keep = this.filterOf(query, scope);
    const order: number[] = [];
    const matched = new Map<number, number[]>();
    for (const slot of searched ?? this.unsearched(query, scope)) {
      if (!keep(slot)) continue;
      const h = this.slotHousehold[slot];
      const slots = matched.get(h);
      if (slots) slots.push(slot);
      else {
        order.push(h);
        matched.set(h, [slot]);
      }
    }
    return {
      total: order.length,
      slice: (start, end) =>
        order.slice(start, end).map((h) => ({
          household: this.householdDocs[h],
          matched: searched ? (matched.get(h) ?? []).map((s) => this.hitOf(s).member) : [],
        })),
    };
  }

  private hitOf(slot: number): WorkerHit {
    const household = this.householdDocs[this.slotHousehold[slot]];
    const member = household?.members.find((m) => m.workerId === this.slotWorker[slot]);
    if (!household || !member) throw new Error(`Slot ${slot} has no member`);
    return { household, member };
  }

  /** The slots the search text and ID number find (ascending), or undefined when neither is given. */
  private searched({ q, idNumberHash }: PeopleQuery): readonly number[] | undefined {
    if (q === undefined && idNumberHash === undefined) return undefined;
    if (idNumberHash !== undefined) {
      const slot = this.keys.slotOfIdHash(idNumberHash);
      if (slot === undefined) return [];
      return q === undefined || this.keys.find(q).includes(slot) ? [slot] : [];
    }
    return q === undefined ? [] : this.keys.find(q);
  }

  /** Without a search text: the people of the county asked, or in scope. */
  private unsearched(query: PeopleQuery, scope: PeopleScope): readonly number[] {
    if ('placedWith' in scope) return [...this.placedSlots(scope.placedWith)].sort((a, b) => a - b);
    return this.householdsFor(query, scope).flatMap((h) =>
      this.householdDocs[h].members.map((m) => this.slotOf.get(m.workerId) ?? -1),
    );
  }

  private householdsFor(query: PeopleQuery, scope: PeopleScope): readonly number[] {
    const counties = 'counties' in scope ? scope.counties : 'all';
    const county =
      query.countyCode ?? (counties !== 'all' && counties.length === 1 ? counties[0] : undefined);
    if (county !== undefined) return this.householdsByCounty.get(county) ?? [];
    return this.householdDocs.map((_, h) => h);
  }

  private householdFilterOf(query: PeopleQuery, scope: PeopleScope): (h: number) => boolean {
    const counties = 'counties' in scope && scope.counties !== 'all' ? new Set(scope.counties) : undefined;
    const status = query.status === undefined ? -1 : STATUSES.indexOf(query.status);
    return (h) => {
      const doc = this.householdDocs[h];
      return (
        (counties === undefined || counties.has(doc.countyCode)) &&
        (query.countyCode === undefined || doc.countyCode === query.countyCode) &&
        (query.siteId === undefined || doc.relocationSiteId === query.siteId) &&
        (status < 0 || this.householdStatus[h] === status)
      );
    };
  }

  /** The filters on a person found: its household's, and for a poster's scope the person placed with it. */
  private filterOf(query: PeopleQuery, scope: PeopleScope): (slot: number) => boolean {
    const household = this.householdFilterOf(query, scope);
    const placed = 'placedWith' in scope ? this.placedSlots(scope.placedWith) : undefined;
    return (slot) => (placed === undefined || placed.has(slot)) && household(this.slotHousehold[slot]);
  }

  private placedSlots(poster: string): Set<number> {
    return this.placements.slotsOf(poster);
  }

  /** Placements start and end apart from the profile, which a no-op event leaves as it was. */
  private applyPlacement(event: HouseholdEvent): void {
    if (event.type === 'WorkerPlaced') {
      const slot = this.slotOf.get(event.data.workerId);
      if (slot !== undefined) this.placements.placed(event.data.placementId, event.data.vacancyId, slot);
    } else if (event.type === 'EmploymentEnded') this.placements.ended(event.data.employmentId);
    else if (event.type === 'PlacementVoided') this.placements.ended(event.data.placementId);
  }

  private applyHousehold(event: HouseholdEvent): void {
    if (event.type === 'ResidentIdClaimVoided') return;
    const id = event.data.householdId;
    let h = this.householdIndex.get(id);
    const before = h === undefined ? undefined : this.householdDocs[h];
    const after = evolveHouseholdProfile(before, event);
    if (after === undefined || after === before) return;
    if (h === undefined) {
      h = this.householdDocs.length;
      this.householdIndex.set(id, h);
      const county = this.householdsByCounty.get(after.countyCode);
      if (county) county.push(h);
      else this.householdsByCounty.set(after.countyCode, [h]);
    }
    this.householdDocs[h] = after;
    this.householdStatus[h] = STATUSES.indexOf(profileStatusOf(after.members));
    if (event.type === 'WorkerRegistered') this.indexPerson(event.data.workerId, h, event.data);
    else if (event.type === 'MemberContactRecorded') this.indexPhone(event.data.workerId, event.data.phone);
  }

  private indexPerson(
    workerId: string,
    household: number,
    { name, idNumberHash }: { name: string; idNumberHash: string },
  ): void {
    if (this.slotOf.has(workerId)) return;
    const slot = this.slotWorker.length;
    this.slotOf.set(workerId, slot);
    this.slotWorker.push(workerId);
    this.slotHousehold.push(household);
    this.keys.addPerson(slot, name, idNumberHash);
  }

  private indexPhone(workerId: string, phone: string): void {
    const slot = this.slotOf.get(workerId);
    if (slot !== undefined) this.keys.setPhone(slot, phone);
  }
}

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
import { initialsOf, searchKindOf } from './name-keys';

const HOUSEHOLD_EVENTS = new Set<string>(['ResidentIdClaimVoided', ...HOUSEHOLD_EVENT_TYPES]);
const isHouseholdEvent = (e: DomainEvent): e is HouseholdEvent => HOUSEHOLD_EVENTS.has(e.type);

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

const push = <V>(map: Map<string, V[]>, key: string, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/**
 * The household profiles and their search index, in memory, fed event by event from the log (rebuilt from
 * its start at every start, then live: ADR 0011). A person has a slot (an integer, in registration order);
 * the index maps name characters, pinyin initials, a phone's last 4 digits and the ID hash to slots, so a
 * search touches the people that can match, not the province.
 */
export class PeopleIndex {
  private readonly households = new Map<string, HouseholdProfile>();
  private readonly householdOrder: string[] = [];
  private readonly householdsByCounty = new Map<string, string[]>();
  private readonly slotOf = new Map<string, number>();
  private readonly slotWorker: string[] = [];
  private readonly slotHousehold: string[] = [];
  private readonly slotName: string[] = [];
  private readonly slotPhone: (string | null)[] = [];
  private readonly byChar = new Map<string, number[]>();
  private readonly byInitials = new Map<string, number[]>();
  private readonly byPhoneEnd = new Map<string, number[]>();
  private readonly byIdHash = new Map<string, number>();
  private readonly placedIn = new Map<string, Set<number>>();
  private readonly vacanciesOf = new Map<string, Set<string>>();
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
    if (isHouseholdEvent(event)) this.applyHousehold(event);
    else if (event.type === 'VacancyPosted') {
      const key = posterKey(event.data.source);
      const set = this.vacanciesOf.get(key) ?? new Set<string>();
      this.vacanciesOf.set(key, set.add(event.data.vacancyId));
    }
    this.advance(position);
  }

  get householdCount(): number {
    return this.households.size;
  }

  get personCount(): number {
    return this.slotWorker.length;
  }

  household(householdId: string): HouseholdProfile | undefined {
    return this.households.get(householdId);
  }

  worker(workerId: string): WorkerHit | undefined {
    const slot = this.slotOf.get(workerId);
    return slot === undefined ? undefined : this.hitOf(slot);
  }

  /** The member is placed (now or before) in a vacancy of this poster. */
  isPlacedWith(workerId: string, poster: string): boolean {
    const slot = this.slotOf.get(workerId);
    return slot !== undefined && this.placedSlots(poster).has(slot);
  }

  /** The workers found, in registration order. */
  findWorkers(query: PeopleQuery, scope: PeopleScope): WorkerHit[] {
    const keep = this.filterOf(query, scope);
    const slots = this.searched(query) ?? this.unsearched(query, scope);
    const hits: WorkerHit[] = [];
    for (const slot of slots) {
      const hit = this.hitOf(slot);
      if (keep(hit.household, slot)) hits.push(hit);
    }
    return hits;
  }

  /** The households found, in registration order of their first member found (of registration when not searched). */
  findHouseholds(query: PeopleQuery, scope: PeopleScope): HouseholdHit[] {
    const searched = this.searched(query);
    const keep = this.filterOf(query, scope);
    if (searched === undefined && !('placedWith' in scope)) {
      return this.householdIdsFor(query, scope).flatMap((id) => {
        const household = this.households.get(id);
        return household && keep(household) ? [{ household, matched: [] }] : [];
      });
    }
    const found = new Map<string, { household: HouseholdProfile; matched: MemberProfile[] }>();
    for (const slot of searched ?? this.unsearched(query, scope)) {
      const { household, member } = this.hitOf(slot);
      if (!keep(household, slot)) continue;
      const entry = found.get(household.householdId);
      if (entry) entry.matched.push(member);
      else found.set(household.householdId, { household, matched: [member] });
    }
    return [...found.values()].map((e) => (searched ? e : { household: e.household, matched: [] }));
  }

  private hitOf(slot: number): WorkerHit {
    const household = this.households.get(this.slotHousehold[slot]);
    const member = household?.members.find((m) => m.workerId === this.slotWorker[slot]);
    if (!household || !member) throw new Error(`Slot ${slot} has no member`);
    return { household, member };
  }

  /** The slots the search text and ID number find (ascending), or undefined when neither is given. */
  private searched({ q, idNumberHash }: PeopleQuery): number[] | undefined {
    if (q === undefined && idNumberHash === undefined) return undefined;
    let slots = q === undefined ? undefined : this.slotsForText(q);
    if (idNumberHash !== undefined) {
      const slot = this.byIdHash.get(idNumberHash);
      slots = slot === undefined ? [] : (slots ?? [slot]).filter((s) => s === slot);
    }
    return slots ?? [];
  }

  private slotsForText(q: string): number[] {
    const kind = searchKindOf(q);
    if (kind === 'phone') {
      const bucket = this.byPhoneEnd.get(q.slice(-4)) ?? [];
      return bucket.filter((s) => this.slotPhone[s]?.endsWith(q)).sort((a, b) => a - b);
    }
    if (kind === 'initials') {
      const prefix = q.toLowerCase();
      const found = new Set<number>();
      for (const [initials, slots] of this.byInitials) {
        if (initials.startsWith(prefix)) for (const s of slots) found.add(s);
      }
      return [...found].sort((a, b) => a - b);
    }
    // The rarest character's people, then the whole text in their names.
    let rarest: number[] | undefined;
    for (const char of new Set(q)) {
      const slots = this.byChar.get(char);
      if (!slots) return [];
      if (!rarest || slots.length < rarest.length) rarest = slots;
    }
    return (rarest ?? []).filter((s) => this.slotName[s].includes(q));
  }

  /** Without a search text: the people of the county asked, or in scope. */
  private unsearched(query: PeopleQuery, scope: PeopleScope): Iterable<number> {
    if ('placedWith' in scope) return [...this.placedSlots(scope.placedWith)].sort((a, b) => a - b);
    const ids = this.householdIdsFor(query, scope);
    return ids.flatMap((id) =>
      (this.households.get(id)?.members ?? []).map((m) => this.slotOf.get(m.workerId) ?? -1),
    );
  }

  private householdIdsFor(query: PeopleQuery, scope: PeopleScope): readonly string[] {
    const counties = 'counties' in scope ? scope.counties : 'all';
    if (query.countyCode !== undefined) return this.householdsByCounty.get(query.countyCode) ?? [];
    if (counties === 'all') return this.householdOrder;
    if (counties.length === 1) return this.householdsByCounty.get(counties[0]) ?? [];
    return this.householdOrder;
  }

  /** The filters on a household, and for a poster's scope on the person found (slot) too. */
  private filterOf(
    query: PeopleQuery,
    scope: PeopleScope,
  ): (household: HouseholdProfile, slot?: number) => boolean {
    const counties = 'counties' in scope && scope.counties !== 'all' ? new Set(scope.counties) : undefined;
    const placed = 'placedWith' in scope ? this.placedSlots(scope.placedWith) : undefined;
    return (h, slot) =>
      (counties === undefined || counties.has(h.countyCode)) &&
      (placed === undefined || (slot !== undefined && placed.has(slot))) &&
      (query.countyCode === undefined || h.countyCode === query.countyCode) &&
      (query.siteId === undefined || h.relocationSiteId === query.siteId) &&
      (query.status === undefined || profileStatusOf(h.members) === query.status);
  }

  private placedSlots(poster: string): Set<number> {
    const slots = new Set<number>();
    for (const vacancyId of this.vacanciesOf.get(poster) ?? []) {
      for (const slot of this.placedIn.get(vacancyId) ?? []) slots.add(slot);
    }
    return slots;
  }

  private applyHousehold(event: HouseholdEvent): void {
    if (event.type === 'ResidentIdClaimVoided') return;
    const id = event.data.householdId;
    const before = this.households.get(id);
    const after = evolveHouseholdProfile(before, event);
    if (after === undefined || after === before) return;
    this.households.set(id, after);
    if (!before) {
      this.householdOrder.push(id);
      push(this.householdsByCounty, after.countyCode, id);
    }
    if (event.type === 'WorkerRegistered') this.indexPerson(event.data.workerId, id, event.data);
    else if (event.type === 'MemberContactRecorded') this.indexPhone(event.data.workerId, event.data.phone);
    else if (event.type === 'WorkerPlaced') {
      const slot = this.slotOf.get(event.data.workerId);
      if (slot === undefined) return;
      const set = this.placedIn.get(event.data.vacancyId) ?? new Set<number>();
      this.placedIn.set(event.data.vacancyId, set.add(slot));
    }
  }

  private indexPerson(
    workerId: string,
    householdId: string,
    { name, idNumberHash }: { name: string; idNumberHash: string },
  ): void {
    if (this.slotOf.has(workerId)) return;
    const slot = this.slotWorker.length;
    this.slotOf.set(workerId, slot);
    this.slotWorker.push(workerId);
    this.slotHousehold.push(householdId);
    this.slotName.push(name);
    this.slotPhone.push(null);
    for (const char of new Set(name)) push(this.byChar, char, slot);
    for (const initials of initialsOf(name)) push(this.byInitials, initials, slot);
    this.byIdHash.set(idNumberHash, slot);
  }

  private indexPhone(workerId: string, phone: string): void {
    const slot = this.slotOf.get(workerId);
    if (slot === undefined) return;
    const previous = this.slotPhone[slot];
    if (previous === phone) return;
    if (previous !== null) {
      const bucket = this.byPhoneEnd.get(previous.slice(-4));
      const at = bucket?.indexOf(slot) ?? -1;
      if (bucket && at >= 0) bucket.splice(at, 1);
    }
    this.slotPhone[slot] = phone;
    push(this.byPhoneEnd, phone.slice(-4), slot);
  }
}

import fc from 'fast-check';
import type { DomainEvent } from '@contracts';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { member, registerHouseholdCommand } from '@lib/domain/workforce/household.fixtures';
import type { HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { type Found, type HouseholdHit, PeopleIndex, posterKey, type WorkerHit } from './people-index';

const NOW = '2026-03-01T08:00:00Z';

function decided(command: HouseholdCommand, before: DomainEvent[] = []): DomainEvent[] {
  const state = before
    .filter((e) => e.data && 'householdId' in e.data)
    .reduce(
      (s, e) => householdDecider.evolve(s, e as Parameters<typeof householdDecider.evolve>[1]),
      householdDecider.initialState(),
    );
  const decision = householdDecider.decide(command, state);
  if (!decision.ok) throw new Error(decision.rejection.message);
  return decision.events;
}

/** Two households of 520402 and one of 520602; 王秀英 is placed with station s1 in vacancy v1. */
function history(): DomainEvent[] {
  const wang = decided({
    ...registerHouseholdCommand('h1', [
      member(1, { name: '王秀英', phone: '13812345678', relationToHead: 'head' }),
      member(2, { name: '李建国', phone: '15900001234', labourCapacity: 'none' }),
    ]),
    address: '3栋2单元501',
  });
  const shan = decided({
    ...registerHouseholdCommand('h2', [member(3, { name: '单雄信' }), member(4, { name: '王芳' })]),
  });
  const other = decided({
    ...registerHouseholdCommand('h3', [member(5, { name: '王秀兰', phone: '13700005678' })]),
    countyCode: '520602',
  });
  const posted: DomainEvent = {
    type: 'VacancyPosted',
    data: { vacancyId: 'v1', source: { type: 'labour_station', id: 's1' } },
  } as unknown as DomainEvent;
  const placed = decided(
    {
      type: 'PlaceWorker',
      workerId: 'h1.1',
      placementId: 'p1',
      vacancyId: 'v1',
      channel: 'out_of_province',
      brokerId: 'b1',
      startDate: '2026-03-01',
      now: NOW,
    },
    wang,
  );
  const moved = decided({ type: 'RecordContact', workerId: 'h1.2', phone: '15900009999', now: NOW }, [
    ...wang,
    ...placed,
  ]);
  return [...wang, ...shan, ...other, posted, ...placed, ...moved];
}

const endP1: HouseholdCommand = {
  type: 'EndEmployment',
  workerId: 'h1.1',
  employmentId: 'p1',
  reason: 'returned_home',
  now: NOW,
};
/** As reservation recovery appends it (the decider voids only a pending placement). */
const voidedP1 = {
  type: 'PlacementVoided',
  data: {
    placementId: 'p1',
    workerId: 'h1.1',
    householdId: 'h1',
    vacancyId: 'v1',
    reason: 'reservation_recovery',
    voidedAt: NOW,
  },
} as unknown as DomainEvent;

/** The history, then p1 ended and 王秀英 placed again with s1 (p2 in v2). */
function twoPlacements(): DomainEvent[] {
  const events = [...history(), ...decided(endP1, ofH1(history()))];
  const posted: DomainEvent = {
    type: 'VacancyPosted',
    data: { vacancyId: 'v2', source: { type: 'labour_station', id: 's1' } },
  } as unknown as DomainEvent;
  const again = decided(
    {
      type: 'PlaceWorker',
      workerId: 'h1.1',
      placementId: 'p2',
      vacancyId: 'v2',
      channel: 'in_province',
      brokerId: 'b1',
      startDate: '2026-03-01',
      now: NOW,
    },
    ofH1(events),
  );
  return [...events, posted, ...again];
}

/** The household h1's events of a history (the decider's state is one household's). */
const ofH1 = (events: readonly DomainEvent[]): DomainEvent[] =>
  events.filter((e) => (e.data as { householdId?: string }).householdId === 'h1');

function indexOf(events: readonly DomainEvent[]): PeopleIndex {
  const index = new PeopleIndex();
  events.forEach((e, i) => index.apply(e, BigInt(i + 1)));
  return index;
}

const all = { counties: 'all' as const };
const all_ = <T>(found: Found<T>): T[] => found.slice(0, found.total);
const names = (found: Found<WorkerHit>) => all_(found).map((h) => h.member.name);

describe('PeopleIndex', () => {
  const index = indexOf(history());

  it('keeps the profile: address, phone (the latest), relation, employment and status', () => {
    const h1 = index.household('h1');
    expect(h1?.address).toBe('3栋2单元501');
    expect(h1?.members.map((m) => [m.name, m.phone, m.relationToHead])).toEqual([
      ['王秀英', '13812345678', 'head'],
      ['李建国', '15900009999', null],
    ]);
    expect(h1?.members[0].employment).toMatchObject({ employmentId: 'p1', vacancyId: 'v1' });
  });

  it('finds by a whole name, a part of a name, pinyin initials (whole or first letters) and a polyphonic surname', () => {
    expect(names(index.findWorkers({ q: '王秀英' }, all))).toEqual(['王秀英']);
    expect(names(index.findWorkers({ q: '秀' }, all))).toEqual(['王秀英', '王秀兰']);
    expect(names(index.findWorkers({ q: 'wxy' }, all))).toEqual(['王秀英']);
    expect(names(index.findWorkers({ q: 'WX' }, all))).toEqual(['王秀英', '王秀兰']);
    expect(names(index.findWorkers({ q: 'sxx' }, all))).toEqual(['单雄信']);
    expect(names(index.findWorkers({ q: '张' }, all))).toEqual([]);
  });

  it('finds by a whole phone or its last digits, by the phone now (not the one before)', () => {
    expect(names(index.findWorkers({ q: '13812345678' }, all))).toEqual(['王秀英']);
    expect(names(index.findWorkers({ q: '5678' }, all))).toEqual(['王秀英', '王秀兰']);
    expect(names(index.findWorkers({ q: '1234' }, all))).toEqual([]);
    expect(names(index.findWorkers({ q: '9999' }, all))).toEqual(['李建国']);
  });

  it('finds by the ID number hash exactly, with or without text', () => {
    const hash = member(3).idNumberHash;
    expect(names(index.findWorkers({ idNumberHash: hash }, all))).toEqual(['单雄信']);
    expect(names(index.findWorkers({ idNumberHash: hash, q: '王' }, all))).toEqual([]);
    expect(names(index.findWorkers({ idNumberHash: 'f'.repeat(64) }, all))).toEqual([]);
  });

  it('keeps to the scope: counties, and for a poster the people placed in its vacancies', () => {
    expect(names(index.findWorkers({ q: '王' }, { counties: ['520602'] }))).toEqual(['王秀兰']);
    const station = { placedWith: posterKey({ type: 'labour_station', id: 's1' }) };
    expect(names(index.findWorkers({}, station))).toEqual(['王秀英']);
    expect(names(index.findWorkers({ q: '王芳' }, station))).toEqual([]);
    // 李建国 shares the household of 王秀英 but was not placed with the station.
    expect(names(index.findWorkers({ q: 'ljg' }, station))).toEqual([]);
    expect(index.findHouseholds({ q: 'ljg' }, station).total).toBe(0);
    expect(all_(index.findHouseholds({}, station)).map((h) => h.household.householdId)).toEqual(['h1']);
    expect(index.isPlacedWith('h1.1', station.placedWith)).toBe(true);
    expect(index.isPlacedWith('h2.2', station.placedWith)).toBe(false);
  });

  it('keeps to a poster only the people placed with it now: an ended or voided placement removes them', () => {
    const station = posterKey({ type: 'labour_station', id: 's1' });
    const events = history();
    const ended = [...events, ...decided(endP1, ofH1(events))];
    const afterEnd = indexOf(ended);
    expect(afterEnd.isPlacedWith('h1.1', station)).toBe(false);
    expect(names(afterEnd.findWorkers({}, { placedWith: station }))).toEqual([]);
    expect(names(afterEnd.findWorkers({ q: '王秀英' }, { placedWith: station }))).toEqual([]);
    expect(afterEnd.findHouseholds({}, { placedWith: station }).total).toBe(0);

    const voided = indexOf([...events, voidedP1]);
    expect(voided.isPlacedWith('h1.1', station)).toBe(false);
    expect(names(voided.findWorkers({}, { placedWith: station }))).toEqual([]);
  });

  it('sees a person placed with the poster again, until that placement ends too', () => {
    const station = posterKey({ type: 'labour_station', id: 's1' });
    const events = twoPlacements();
    expect(indexOf(events).isPlacedWith('h1.1', station)).toBe(true);
    expect(names(indexOf(events).findWorkers({}, { placedWith: station }))).toEqual(['王秀英']);
    const ended = [...events, ...decided({ ...endP1, employmentId: 'p2' }, ofH1(events))];
    expect(indexOf(ended).isPlacedWith('h1.1', station)).toBe(false);
  });

  it('lists households by county, site and status, with the members a search found', () => {
    const ids = (found: Found<HouseholdHit>) => all_(found).map((h) => h.household.householdId);
    expect(ids(index.findHouseholds({ countyCode: '520402' }, all))).toEqual(['h1', 'h2']);
    expect(ids(index.findHouseholds({ status: 'employed' }, all))).toEqual(['h1']);
    expect(ids(index.findHouseholds({ status: 'zero_employment' }, all))).toEqual(['h2', 'h3']);
    expect(ids(index.findHouseholds({ siteId: 'site-9' }, all))).toEqual([]);
    const found = all_(index.findHouseholds({ q: '王' }, all));
    expect(found.map((h) => [h.household.householdId, h.matched.map((m) => m.name)])).toEqual([
      ['h1', ['王秀英']],
      ['h2', ['王芳']],
      ['h3', ['王秀兰']],
    ]);
  });

  it('rebuilds to the same result, and an event delivered again changes nothing', () => {
    // With placements started and ended: a poster's sight must replay as it was built.
    const events = [...twoPlacements(), voidedP1];
    const station = posterKey({ type: 'labour_station', id: 's1' });
    const snapshot = (i: PeopleIndex) => ({
      households: ['h1', 'h2', 'h3'].map((id) => i.household(id)),
      found: names(i.findWorkers({ q: 'w' }, all)),
      placed: names(i.findWorkers({}, { placedWith: station })),
      placedNow: i.isPlacedWith('h1.1', station),
    });
    fc.assert(
      fc.property(fc.array(fc.nat(events.length - 1), { maxLength: 10 }), (repeats) => {
        const index = new PeopleIndex();
        events.forEach((e, i) => {
          index.apply(e, BigInt(i + 1));
          // Redelivered (a subscription resuming): at or before the position applied.
          for (const r of repeats.filter((r) => r <= i)) index.apply(events[r], BigInt(r + 1));
        });
        expect(snapshot(index)).toEqual(snapshot(indexOf(events)));
      }),
    );
  });
});

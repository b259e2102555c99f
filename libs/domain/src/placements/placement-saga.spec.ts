import { foldEvents } from '../shared/decider';
import { vacancyDecider } from '../postings/vacancy.decider';
import { confirmed, released, reserved, vacancyPosted } from '../postings/vacancy.fixtures';
import type { VacancyEvent } from '../postings/vacancy.state';
import { householdDecider } from '../workforce/household.decider';
import { householdRegistered, placementVoided, workerPlaced } from '../workforce/household.fixtures';
import type { HouseholdEvent } from '../workforce/household.state';
import {
  nextPlacementStep,
  placementCandidateOf,
  placementChannel,
  recoveryStep,
  sagaEventId,
} from './placement-saga';

const vacancy = (...events: VacancyEvent[]) => foldEvents(vacancyDecider, [vacancyPosted(), ...events]);
const household = (...events: HouseholdEvent[]) =>
  foldEvents(householdDecider, [...householdRegistered(), ...events]);
const p1Reserved = reserved('p1', { workerId: 'h1.1' });

describe('placement saga', () => {
  it.each([
    ['nothing yet', vacancy(), household(), { step: 'reserve' }],
    ['reserved only', vacancy(p1Reserved), household(), { step: 'place' }],
    ['reserved and placed', vacancy(p1Reserved), household(workerPlaced('p1')), { step: 'confirm' }],
    [
      'confirmed',
      vacancy(p1Reserved, confirmed('p1')),
      household(workerPlaced('p1')),
      { step: 'done', outcome: 'placed' },
    ],
    ['reserved and voided', vacancy(p1Reserved), household(placementVoided('p1')), { step: 'release' }],
    [
      'voided and released',
      vacancy(p1Reserved, released('p1')),
      household(placementVoided('p1')),
      { step: 'done', outcome: 'released' },
    ],
    [
      'refused and released',
      vacancy(p1Reserved, released('p1')),
      household(),
      { step: 'done', outcome: 'released' },
    ],
  ])('after %s the next step is %j', (_name, v, h, expected) =>
    expect(nextPlacementStep(v, h, 'p1')).toEqual(expected),
  );

  it('reports streams that disagree', () => {
    expect(
      nextPlacementStep(vacancy(p1Reserved, released('p1')), household(workerPlaced('p1')), 'p1').step,
    ).toBe('inconsistent');
    expect(nextPlacementStep(vacancy(p1Reserved, confirmed('p1')), household(), 'p1').step).toBe(
      'inconsistent',
    );
  });

  it('recovery confirms what the household committed, else voids then releases', () => {
    expect(recoveryStep(household(workerPlaced('p1')), 'p1')).toBe('confirm');
    expect(recoveryStep(household(), 'p1')).toBe('void_then_release');
    expect(recoveryStep(household(placementVoided('p1')), 'p1')).toBe('release');
  });

  it('derives stable, distinct uuid-shaped event ids per placement and step', () => {
    const id = sagaEventId('p1', 'reserve');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sagaEventId('p1', 'reserve')).toBe(id);
    const all = ['reserve', 'place', 'confirm', 'void', 'release'] as const;
    const ids = new Set([...all.map((s) => sagaEventId('p1', s)), ...all.map((s) => sagaEventId('p2', s))]);
    expect(ids.size).toBe(10);
  });

  it('derives the channel from the vacancy', () => {
    const posted = (overrides: Parameters<typeof vacancyPosted>[0]) =>
      foldEvents(vacancyDecider, [vacancyPosted(overrides)]);
    const guizhou = { province: '贵州省', city: '贵阳市', countyCode: '520102' };
    const v = vacancy();
    if (v.status === 'none') throw new Error('posted');
    expect(placementChannel(v)).toBe('out_of_province');
    const inProvince = posted({ location: guizhou });
    const workshop = posted({ source: { type: 'workshop', id: 'ws-1' }, location: guizhou });
    const welfare = posted({
      source: { type: 'public_welfare', id: '520102' },
      location: guizhou,
      welfare: { monthlySubsidy: 800, termMonths: 12 },
    });
    for (const [state, channel] of [
      [inProvince, 'in_province'],
      [workshop, 'workshop'],
      [welfare, 'public_welfare'],
    ] as const) {
      if (state.status === 'none') throw new Error('posted');
      expect(placementChannel(state)).toBe(channel);
    }
  });

  it('reads the placement candidate from the household', () => {
    expect(placementCandidateOf(household(), 'h1.2')).toEqual({
      workerId: 'h1.2',
      birthYear: 1990,
      labourCapacity: 'full',
      preference: 'any',
      countyCode: '520402',
    });
    expect(placementCandidateOf(household(), 'h1.9')).toBeUndefined();
  });
});

import { foldEvents } from '../shared/decider';
import { checkPlacementConstraints, isInGuizhou, type PlacementCandidate } from './placement-constraints';
import type { PostVacancy } from './vacancy.commands';
import { vacancyDecider } from './vacancy.decider';
import { vacancyPosted } from './vacancy.fixtures';

const now = '2026-04-01T08:00:00Z';
const vacancy = (overrides: Partial<PostVacancy> = {}) =>
  foldEvents(vacancyDecider, [vacancyPosted(overrides)]);
const worker = (overrides: Partial<PlacementCandidate> = {}): PlacementCandidate => ({
  workerId: 'h1.1',
  birthYear: 1990,
  labourCapacity: 'full',
  preference: 'any',
  countyCode: '520402',
  ...overrides,
});
const guizhouWorkshop: Partial<PostVacancy> = {
  source: { type: 'workshop', id: 'ws-1' },
  location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
};
const welfarePost: Partial<PostVacancy> = {
  source: { type: 'public_welfare', id: '520402' },
  location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
  labourCapacities: ['partial', 'weak'],
  ageRange: { min: 18, max: 65 },
  welfare: { monthlySubsidy: 800, termMonths: 12 },
};
const rules = (v = vacancy(), w = worker()) =>
  ((checkPlacementConstraints(v, w, now)?.details?.violations ?? []) as { rule: string }[]).map(
    (x) => x.rule,
  );

describe('placement constraints', () => {
  it('passes a worker who meets every rule', () =>
    expect(checkPlacementConstraints(vacancy(), worker(), now)).toBeUndefined());

  it('checks age in the year of now against the age range, bounds included', () => {
    expect(rules(vacancy(), worker({ birthYear: 1976 }))).toEqual([]); // 50 in 2026
    expect(rules(vacancy(), worker({ birthYear: 1975 }))).toEqual(['age']); // 51
    expect(rules(vacancy(), worker({ birthYear: 2009 }))).toEqual(['age']); // 17
    expect(checkPlacementConstraints(vacancy(), worker({ birthYear: 1975 }), now)?.message).toBe(
      'Worker h1.1 is 51 in 2026; the vacancy takes ages 18-50',
    );
  });

  it('refuses capacity none, and a capacity the vacancy does not take', () => {
    expect(rules(vacancy(), worker({ labourCapacity: 'none' }))).toEqual(['labour_capacity']);
    expect(rules(vacancy({ labourCapacities: ['full'] }), worker({ labourCapacity: 'partial' }))).toEqual([
      'capacity_accepted',
    ]);
  });

  it('places weak capacity only in public-welfare posts or flexible hours', () => {
    const takesWeak = { ...guizhouWorkshop, labourCapacities: ['weak' as const] };
    expect(rules(vacancy(takesWeak), worker({ labourCapacity: 'weak' }))).toEqual(['weak_capacity']);
    expect(rules(vacancy({ ...takesWeak, flexibleHours: true }), worker({ labourCapacity: 'weak' }))).toEqual(
      [],
    );
    expect(rules(vacancy(welfarePost), worker({ labourCapacity: 'weak' }))).toEqual([]);
  });

  it('matches preferences: local is the same county, in_province is Guizhou, out_of_province is outside', () => {
    const guangzhou = vacancy();
    const sameCounty = vacancy(guizhouWorkshop);
    const otherGuizhouCounty = vacancy({
      ...guizhouWorkshop,
      location: { province: '贵州省', city: '安顺市', countyCode: '520403' },
    });
    expect(rules(guangzhou, worker({ preference: 'out_of_province' }))).toEqual([]);
    expect(rules(guangzhou, worker({ preference: 'in_province' }))).toEqual(['preference']);
    expect(rules(guangzhou, worker({ preference: 'local' }))).toEqual(['preference']);
    expect(rules(sameCounty, worker({ preference: 'local' }))).toEqual([]);
    expect(rules(otherGuizhouCounty, worker({ preference: 'local' }))).toEqual(['preference']);
    expect(rules(otherGuizhouCounty, worker({ preference: 'in_province' }))).toEqual([]);
    expect(rules(sameCounty, worker({ preference: 'out_of_province' }))).toEqual(['preference']);
  });

  it('names a post without a county by its province and city, and a welfare post by the county that runs it', () => {
    const noCounty = vacancy({ location: { province: '广东省', city: '广州市' } });
    expect(checkPlacementConstraints(noCounty, worker({ preference: 'local' }), now)?.message).toBe(
      'Worker h1.1 prefers local work; the vacancy is in 广东省 广州市',
    );
    const welfareNoCounty = vacancy({ ...welfarePost, location: { province: '贵州省', city: '安顺市' } });
    expect(rules(welfareNoCounty, worker({ labourCapacity: 'partial', preference: 'local' }))).toEqual([]);
    expect(
      checkPlacementConstraints(
        welfareNoCounty,
        worker({ labourCapacity: 'partial', preference: 'out_of_province' }),
        now,
      )?.message,
    ).toBe('Worker h1.1 prefers out_of_province work; the vacancy is in 520402');
  });

  it('keeps public-welfare posts for residents of their county', () =>
    expect(rules(vacancy(welfarePost), worker({ countyCode: '520403', labourCapacity: 'partial' }))).toEqual([
      'welfare_county',
    ]));

  it('reports every violation in one rejection', () => {
    const rejection = checkPlacementConstraints(
      vacancy(),
      worker({ birthYear: 1960, preference: 'local' }),
      now,
    );
    expect(rejection?.code).toBe('constraint_violated');
    expect(rules(vacancy(), worker({ birthYear: 1960, preference: 'local' }))).toEqual(['age', 'preference']);
  });

  it('knows Guizhou by county code or by province name', () => {
    expect(isInGuizhou({ province: '广东省', city: '广州市', countyCode: '440106' })).toBe(false);
    expect(isInGuizhou({ province: '贵州省', city: '贵阳市' })).toBe(true);
    expect(isInGuizhou({ province: 'Guizhou', city: 'Guiyang' })).toBe(true);
  });

  it('answers not_found for a vacancy that does not exist', () =>
    expect(checkPlacementConstraints(vacancyDecider.initialState(), worker(), now)?.code).toBe('not_found'));
});

import fc from 'fast-check';
import type { EventData, LabourCapacity } from '@contracts';
import {
  isInGuizhou,
  isPlacementAllowed,
  PLACEMENT_RULES,
  placementRulesBroken,
  placementVacancyFacts,
  type PlacementRule,
  type PlacementVacancyFacts,
  type PlacementWorkerFacts,
} from './placement-rules';

const YEAR = 2026;
const worker = (o: Partial<PlacementWorkerFacts> = {}): PlacementWorkerFacts => ({
  birthYear: 1990, // 36 in 2026
  labourCapacity: 'full',
  preference: 'any',
  countyCode: '520402',
  ...o,
});
/** A workshop post in the worker's own county, for ages 18-50, full or partial capacity. */
const vacancy = (o: Partial<PlacementVacancyFacts> = {}): PlacementVacancyFacts => ({
  ageMin: 18,
  ageMax: 50,
  acceptedCapacities: ['full', 'partial'],
  takesWeakCapacity: false,
  welfarePost: false,
  location: { provinceIsGuizhou: true, countyCode: '520402' },
  ...o,
});
const nextCounty = { provinceIsGuizhou: true, countyCode: '520403' };
const guizhouNoCounty = { provinceIsGuizhou: true };
const guangzhou = { provinceIsGuizhou: false, countyCode: '440106' };
const elsewhereNoCounty = { provinceIsGuizhou: false };
const welfare = {
  welfarePost: true,
  takesWeakCapacity: true,
  acceptedCapacities: ['partial', 'weak'] as const,
};

/** Given a worker and a vacancy, when placed in 2026, then exactly these rules are broken. */
const table: [string, Partial<PlacementWorkerFacts>, Partial<PlacementVacancyFacts>, PlacementRule[]][] = [
  ['a worker who meets every rule', {}, {}, []],
  // labour capacity none: refused whatever the vacancy takes, and for that reason only
  ['no labour capacity', { labourCapacity: 'none' }, {}, ['labour_capacity']],
  [
    'no labour capacity, even where it is "accepted"',
    { labourCapacity: 'none' },
    { acceptedCapacities: ['none'] },
    ['labour_capacity'],
  ],
  // age range, by calendar year, bounds included
  ['the youngest age taken (18)', { birthYear: 2008 }, {}, []],
  ['one year too young (17)', { birthYear: 2009 }, {}, ['age']],
  ['the oldest age taken (50)', { birthYear: 1976 }, {}, []],
  ['one year too old (51)', { birthYear: 1975 }, {}, ['age']],
  // accepted capacities
  [
    'a capacity the vacancy does not take',
    { labourCapacity: 'partial' },
    { acceptedCapacities: ['full'] },
    ['capacity_accepted'],
  ],
  [
    'weak capacity where weak is not accepted',
    { labourCapacity: 'weak' },
    {},
    ['capacity_accepted', 'weak_capacity'],
  ],
  // weak capacity only in public-welfare or flexible-hours posts
  [
    'weak capacity in a market post that accepts it',
    { labourCapacity: 'weak' },
    { acceptedCapacities: ['weak'] },
    ['weak_capacity'],
  ],
  [
    'weak capacity in a post with flexible hours',
    { labourCapacity: 'weak' },
    { acceptedCapacities: ['weak'], takesWeakCapacity: true },
    [],
  ],
  ['weak capacity in a public-welfare post of its county', { labourCapacity: 'weak' }, welfare, []],
  [
    'weak capacity in a post that takes it but does not accept weak',
    { labourCapacity: 'weak' },
    { takesWeakCapacity: true },
    ['capacity_accepted'],
  ],
  // preference local: own county in Guizhou
  ['local, own county', { preference: 'local' }, {}, []],
  ['local, the next county', { preference: 'local' }, { location: nextCounty }, ['preference']],
  ['local, Guizhou without a county', { preference: 'local' }, { location: guizhouNoCounty }, ['preference']],
  ['local, out of the province', { preference: 'local' }, { location: guangzhou }, ['preference']],
  // preference in_province: anywhere in Guizhou
  ['in_province, the next county', { preference: 'in_province' }, { location: nextCounty }, []],
  ['in_province, Guizhou without a county', { preference: 'in_province' }, { location: guizhouNoCounty }, []],
  [
    'in_province, out of the province',
    { preference: 'in_province' },
    { location: guangzhou },
    ['preference'],
  ],
  // preference out_of_province: anywhere outside Guizhou
  ['out_of_province, own county', { preference: 'out_of_province' }, {}, ['preference']],
  ['out_of_province, Guangzhou', { preference: 'out_of_province' }, { location: guangzhou }, []],
  [
    'out_of_province, outside without a county',
    { preference: 'out_of_province' },
    { location: elsewhereNoCounty },
    [],
  ],
  // preference any
  ['any, out of the province', { preference: 'any' }, { location: guangzhou }, []],
  ['any, the next county', { preference: 'any' }, { location: nextCounty }, []],
  // a welfare post only for its own county's residents
  ['a welfare post of the worker’s county', { labourCapacity: 'partial' }, welfare, []],
  [
    'a welfare post of another county',
    { labourCapacity: 'partial' },
    { ...welfare, location: nextCounty },
    ['welfare_county'],
  ],
  ['a market post of another county (no residence rule)', {}, { location: nextCounty }, []],
  // every broken rule is reported, in order
  [
    'too old, too local, and a welfare post of another county',
    { birthYear: 1960, preference: 'local', labourCapacity: 'weak' },
    { ...welfare, ageMax: 60, location: nextCounty },
    ['age', 'preference', 'welfare_county'],
  ],
];

describe('placement rules', () => {
  const rows = table.map(([name, w, v, broken]) => ({ name, w, v, broken }));
  it.each(rows)('given $name, then it breaks $broken', ({ w, v, broken }) => {
    expect(placementRulesBroken(worker(w), vacancy(v), YEAR).map((b) => b.rule)).toEqual(broken);
    expect(isPlacementAllowed(worker(w), vacancy(v), YEAR)).toBe(broken.length === 0);
  });

  it('allows a pair exactly when placementRulesBroken finds nothing, for any facts', () => {
    const capacity = fc.constantFrom<LabourCapacity>('full', 'partial', 'weak', 'none');
    const location = fc.record(
      { provinceIsGuizhou: fc.boolean(), countyCode: fc.constantFrom('520402', '520403', '440106') },
      { requiredKeys: ['provinceIsGuizhou'] },
    );
    const workers = fc.record<PlacementWorkerFacts>({
      birthYear: fc.integer({ min: 1950, max: 2012 }),
      labourCapacity: capacity,
      preference: fc.constantFrom('local', 'in_province', 'out_of_province', 'any'),
      countyCode: fc.constantFrom('520402', '520403'),
    });
    const vacancies = fc.record<PlacementVacancyFacts>({
      ageMin: fc.integer({ min: 16, max: 60 }),
      ageMax: fc.integer({ min: 16, max: 70 }),
      acceptedCapacities: fc.subarray<LabourCapacity>(['full', 'partial', 'weak']),
      takesWeakCapacity: fc.boolean(),
      welfarePost: fc.boolean(),
      location,
    });
    fc.assert(
      fc.property(workers, vacancies, (w, v) => {
        expect(isPlacementAllowed(w, v, YEAR)).toBe(placementRulesBroken(w, v, YEAR).length === 0);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks the rules in the order it reports them', () =>
    expect(PLACEMENT_RULES).toEqual([
      'labour_capacity',
      'age',
      'capacity_accepted',
      'weak_capacity',
      'preference',
      'welfare_county',
    ]));

  it('says why, naming the worker and the place when told them', () => {
    const messages = (w: Partial<PlacementWorkerFacts>, v: Partial<PlacementVacancyFacts>, place?: string) =>
      placementRulesBroken(worker(w), vacancy(v), YEAR, { worker: 'Worker h1.1', place }).map(
        (b) => b.message,
      );
    expect(messages({ labourCapacity: 'none' }, {})).toEqual(['Worker h1.1 has no labour capacity']);
    expect(messages({ birthYear: 1975 }, {})).toEqual([
      'Worker h1.1 is 51 in 2026; the vacancy takes ages 18-50',
    ]);
    expect(messages({ labourCapacity: 'partial' }, { acceptedCapacities: ['full'] })).toEqual([
      'The vacancy takes labour capacity full, not partial',
    ]);
    expect(messages({ labourCapacity: 'weak' }, { acceptedCapacities: ['weak'] })).toEqual([
      'A worker with weak labour capacity is placed only in a public-welfare post or a post with flexible hours',
    ]);
    expect(messages({ preference: 'local' }, { location: guangzhou }, '广东省 广州市')).toEqual([
      'Worker h1.1 prefers local work; the vacancy is in 广东省 广州市',
    ]);
    expect(messages({ labourCapacity: 'partial' }, { ...welfare, location: nextCounty })).toEqual([
      "Public-welfare post of county 520403 is for its residents; the worker's household is in 520402",
    ]);
    expect(
      placementRulesBroken(worker({ preference: 'in_province' }), vacancy({ location: guangzhou }), YEAR),
    ).toEqual([
      { rule: 'preference', message: 'The worker prefers in_province work; the vacancy is in 440106' },
    ]);
  });
});

const posting = (o: Partial<EventData<'VacancyPosted'>> = {}) => ({
  source: { type: 'workshop' as const, id: 'ws-1' },
  location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
  ageRange: { min: 18, max: 50 },
  labourCapacities: ['full' as const, 'partial' as const],
  ...o,
});

describe('the facts of a posting', () => {
  it('reads the age range and capacities as posted: the workshop post of the table above', () =>
    expect(placementVacancyFacts(posting())).toEqual(vacancy()));

  it('takes weak capacity in public-welfare posts and posts with flexible hours only', () => {
    expect(placementVacancyFacts(posting({ flexibleHours: true })).takesWeakCapacity).toBe(true);
    expect(placementVacancyFacts(posting({ flexibleHours: false })).takesWeakCapacity).toBe(false);
    const welfarePost = placementVacancyFacts(posting({ source: { type: 'public_welfare', id: '520402' } }));
    expect(welfarePost).toMatchObject({ takesWeakCapacity: true, welfarePost: true });
  });

  it('puts a welfare post whose location names no county in the county that runs it', () => {
    const facts = placementVacancyFacts(
      posting({
        source: { type: 'public_welfare', id: '520424' },
        location: { province: '贵州省', city: '毕节市' },
      }),
    );
    expect(facts.location).toEqual({ provinceIsGuizhou: true, countyCode: '520424' });
    expect(isPlacementAllowed(worker({ countyCode: '520424', preference: 'local' }), facts, YEAR)).toBe(true);
  });

  it('knows Guizhou by county code, or without one by province name', () => {
    expect(isInGuizhou({ province: '广东省', city: '广州市', countyCode: '440106' })).toBe(false);
    expect(isInGuizhou({ province: '贵州省', city: '贵阳市' })).toBe(true);
    expect(isInGuizhou({ province: 'Guizhou', city: 'Guiyang' })).toBe(true);
    expect(isInGuizhou({ province: '广东省', city: '广州市' })).toBe(false);
    const station = posting({
      source: { type: 'labour_station', id: 's1' },
      location: { province: '广东省', city: '广州市' },
    });
    expect(placementVacancyFacts(station).location).toEqual({
      provinceIsGuizhou: false,
      countyCode: undefined,
    });
  });
});

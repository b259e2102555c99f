import { generatePopulation } from './population-generator';
import type { HouseholdMemberBody, SeedCommand } from './seed-commands';
import { summarizeSeed } from './seed-summary';

const member = (labourCapacity: HouseholdMemberBody['labourCapacity']): HouseholdMemberBody => ({
  name: '王芳',
  idNumber: '52040219900101002X',
  birthYear: 1990,
  gender: 'female',
  labourCapacity,
  skills: [],
  preference: 'local',
});

const household = (ref: string, ...capacities: HouseholdMemberBody['labourCapacity'][]): SeedCommand => ({
  kind: 'registerHousehold',
  ref,
  body: { countyCode: '520402', relocationSiteId: 'site-520402-01', members: capacities.map(member) },
});

const employment = (householdRef: string, memberNo: number): SeedCommand => ({
  kind: 'reportEmployment',
  householdRef,
  memberNo,
  body: { channel: 'workshop', source: 'declaration', startDate: '2025-01-01' },
});

describe('summarizeSeed', () => {
  it('counts covered, zero-employment and no-labour households and employment once per worker', () => {
    const summary = summarizeSeed([
      household('a', 'full', 'weak', 'none'),
      employment('a', 1),
      employment('a', 1),
      household('b', 'partial'),
      household('c', 'none', 'none'),
    ]);
    expect(summary).toMatchObject({
      households: 3,
      householdsWithLabour: 2,
      coveredHouseholds: 1,
      zeroEmploymentHouseholds: 1,
      noLabourHouseholds: 1,
      labourCapableWorkers: 3,
      employedWorkers: 1,
      employedPerHouseholdWithLabour: 0.5,
    });
    expect(summary.byChannel.workshop).toBe(1);
  });
});

describe('summarizeSeed over a history', () => {
  it('counts the employment at the end: an end frees the worker, a placement takes its vacancy’s channel', () => {
    const vacancy: SeedCommand = {
      kind: 'postVacancy',
      ref: 'v',
      sourceRef: 'station',
      body: {
        source: { type: 'labour_station', id: 'station' },
        title: '电子厂普工',
        occupation: '6-25-04-07',
        location: { province: '广东省', city: '广州市' },
        openings: 3,
        wage: { min: 4500, max: 5500, period: 'month' },
        ageRange: { min: 18, max: 45 },
        labourCapacities: ['full'],
        expiresAt: '2026-12-31T00:00:00Z',
      },
    };
    const summary = summarizeSeed([
      vacancy,
      household('a', 'full', 'full'),
      employment('a', 1),
      employment('a', 2),
      { kind: 'endEmployment', householdRef: 'a', memberNo: 1, body: { reason: 'returned_home' } },
      { kind: 'endEmployment', householdRef: 'a', memberNo: 2, body: { reason: 'returned_home' } },
      { kind: 'placeWorker', householdRef: 'a', memberNo: 2, vacancyRef: 'v' },
    ]);
    expect(summary).toMatchObject({ employedWorkers: 1, coveredHouseholds: 1, zeroEmploymentHouseholds: 0 });
    expect(summary.byChannel).toMatchObject({ out_of_province: 1, workshop: 0 });
  });
});

describe('demo population (90 days of history) against DOMAIN.md', () => {
  const summary = summarizeSeed(generatePopulation({ scale: 'demo', now: '2026-03-10T04:00:00.000Z' }));

  it('ends near the published ratios: ~96% employed (96.19–96.9%, Anshun 96.26%), ~2.3 per household (2.34, Anshun 2.29)', () => {
    expect(summary.employmentRate).toBeGreaterThanOrEqual(0.95);
    expect(summary.employmentRate).toBeLessThanOrEqual(0.975);
    expect(summary.employedPerHouseholdWithLabour).toBeGreaterThanOrEqual(2.2);
    expect(summary.employedPerHouseholdWithLabour).toBeLessThanOrEqual(2.45);
    expect(summary.zeroEmploymentHouseholds).toBeGreaterThan(0);
    expect(summary.zeroEmploymentShare).toBeLessThan(0.03);
  });
});

describe('county-scale population (10,000 households) against DOMAIN.md', () => {
  const summary = summarizeSeed(generatePopulation({ scale: 'county' }));

  it('has 10,000 households and the reference data', () => {
    expect(summary.households).toBe(10_000);
    expect(summary.stations).toBe(135);
    expect(summary.workshops).toBeGreaterThan(0);
  });

  it('employs 94–98% of labour-capable workers (province 96.19%, Anshun 96.26%)', () => {
    expect(summary.employmentRate).toBeGreaterThanOrEqual(0.94);
    expect(summary.employmentRate).toBeLessThanOrEqual(0.98);
  });

  it('has 2.1–2.5 employed per household with labour (province 2.34, Anshun 2.29)', () => {
    expect(summary.employedPerHouseholdWithLabour).toBeGreaterThanOrEqual(2.1);
    expect(summary.employedPerHouseholdWithLabour).toBeLessThanOrEqual(2.5);
  });

  it('leaves a small but non-zero share of zero-employment households and counts no-labour ones', () => {
    expect(summary.zeroEmploymentHouseholds).toBeGreaterThan(0);
    expect(summary.zeroEmploymentShare).toBeLessThan(0.03);
    expect(summary.noLabourHouseholds).toBeGreaterThan(0);
    expect(summary.noLabourShare).toBeLessThan(0.06);
  });

  it('splits channels as reported: about half out of the province, ~6% in public-welfare posts', () => {
    expect(summary.channelShares.out_of_province).toBeGreaterThan(0.42);
    expect(summary.channelShares.out_of_province).toBeLessThan(0.56);
    expect(summary.channelShares.public_welfare).toBeGreaterThan(0.04);
    expect(summary.channelShares.public_welfare).toBeLessThan(0.1);
    for (const share of Object.values(summary.channelShares)) expect(share).toBeGreaterThan(0);
  });
});

import {
  ZERO_COUNTS,
  accumulateHousehold,
  countsOfHousehold,
  emptyAccumulator,
  employmentView,
  regionEmployment,
} from './county-employment.projection';
import { HouseholdScript } from './testing/fixtures';
import { runMonitorLive } from './testing/monitor-runner';

describe('county employment projection', () => {
  const a = new HouseholdScript('hh-a', '520402')
    .register('2026-03-01T00:00:00Z', ['full', 'partial', 'none'])
    .place('2026-03-02T00:00:00Z', 1, 'p-1', 'out_of_province')
    .report('2026-03-02T00:00:00Z', 3, 'e-1', 'flexible');
  const b = new HouseholdScript('hh-b', '520402').register('2026-03-01T00:00:00Z', ['weak']);
  const c = new HouseholdScript('hh-c', '520402').register('2026-03-01T00:00:00Z', ['none']);
  const d = new HouseholdScript('hh-d', '520524')
    .register('2026-03-01T00:00:00Z', ['full'])
    .place('2026-03-03T00:00:00Z', 1, 'p-2', 'workshop');
  const { model } = runMonitorLive([...a.log.events, ...b.log.events, ...c.log.events, ...d.log.events]);

  it('gives every figure of a county', () => {
    expect(employmentView(regionEmployment(model.regions, 'county', '520402'))).toEqual({
      countyCode: '520402',
      households: 3,
      householdsWithLabour: 2,
      coveredHouseholds: 1,
      zeroEmploymentHouseholds: 1,
      noLabourHouseholds: 1,
      labourCapableWorkers: 3,
      employedWorkers: 2,
      employedLabourCapableWorkers: 1,
      // hh-a's partial member and hh-b's weak one; none has had the "131" package.
      jobSeekers: 2,
      jobSeekersWith131: 0,
      employmentRate: 1 / 3,
      employedPerHousehold: 1,
      byChannel: {
        out_of_province: 1,
        in_province: 0,
        workshop: 0,
        public_welfare: 0,
        self_employed: 0,
        flexible: 1,
      },
    });
  });

  it('rolls counties up into prefectures and the province, recomputing the rates from the sums', () => {
    expect(regionEmployment(model.regions, 'prefecture', '520500')).toMatchObject({
      households: 1,
      employmentRate: 1,
    });
    expect(regionEmployment(model.regions, 'province', '520000')).toMatchObject({
      households: 4,
      householdsWithLabour: 3,
      labourCapableWorkers: 4,
      employedLabourCapableWorkers: 2,
      employmentRate: 0.5,
      employedPerHousehold: 1,
    });
    expect(regionEmployment(model.regions, 'county', '520103')).toMatchObject({
      households: 0,
      employmentRate: 0,
    });
  });

  it('sums in place what countsOfHousehold gives, and takes it away again (the rebuild accumulator)', () => {
    const households = Object.values(model.households);
    expect(households).toHaveLength(4);
    for (const household of households) {
      const acc = emptyAccumulator();
      accumulateHousehold(acc, household, 1);
      expect(acc).toEqual(countsOfHousehold(household));
      accumulateHousehold(acc, household, -1);
      expect(acc).toEqual(ZERO_COUNTS);
    }
  });
});

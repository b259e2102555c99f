import type { DomainEvent } from '@contracts';
import type { Principal } from '@lib/auth';
import { ANSHUN, postingData } from '@lib/domain/postings/vacancy.fixtures';
import { MatchingProjection } from './matching-projection';
import { vacancySummaryOf, workerSummaryOf } from './summaries';

const NOW = '2026-06-01T00:00:00.000Z';
const COUNTY = ANSHUN.countyCode;

function stateOf(events: DomainEvent[]): MatchingProjection {
  const state = new MatchingProjection();
  events.forEach((e, i) => state.apply(e, BigInt(i + 1)));
  return state;
}

const registered: DomainEvent[] = [
  {
    type: 'HouseholdRegistered',
    data: { householdId: 'h', countyCode: COUNTY, relocationSiteId: `site-${COUNTY}-01`, registeredAt: NOW },
  },
  {
    type: 'WorkerRegistered',
    data: {
      workerId: 'h.1',
      householdId: 'h',
      memberNo: 1,
      name: '王秀英',
      idNumberHash: 'x'.repeat(64),
      idNumberLast4: '1234',
      birthYear: 1986,
      gender: 'female',
      labourCapacity: 'partial',
      skills: [],
      preference: 'any',
      expectedMonthlyWage: null,
      registeredAt: NOW,
    },
  },
];

describe('summary lines', () => {
  const state = stateOf(registered);
  const as = (principal: Principal) => workerSummaryOf(state, 'h.1', principal, NOW)?.name;

  it('shows a worker’s name whole, masked or not at all, as libs/auth personal-data says', () => {
    expect(as({ sub: 'c', role: 'county_office', countyCode: COUNTY })).toBe('王秀英');
    expect(as({ sub: 'b', role: 'broker', counties: [COUNTY] })).toBe('王秀英');
    expect(as({ sub: 'a', role: 'admin' })).toBe('王*英');
    expect(as({ sub: 'o', role: 'county_office', countyCode: '520524' })).toBeNull();
    expect(as({ sub: 'b2', role: 'broker', counties: ['520524'] })).toBeNull();
    expect(as({ sub: 's', role: 'station', stationId: 's' })).toBeNull();
    expect(workerSummaryOf(state, 'h.1', { sub: 'a', role: 'admin' }, NOW)).toEqual({
      name: '王*英',
      age: 40,
      gender: 'female',
      labourCapacity: 'partial',
      countyCode: COUNTY,
      relocationSite: { id: `site-${COUNTY}-01`, name: '彩虹社区' },
    });
  });

  it('names the employer of the register, else the poster, whichever came first in the log', () => {
    const withEmployer = postingData({
      vacancyId: 'v-1',
      source: { type: 'workshop', id: 'ws-1' },
      employerId: 'e-1',
      meals: true,
      postedAt: NOW,
    });
    const later = stateOf([
      { type: 'VacancyPosted', data: withEmployer },
      {
        type: 'WorkshopCertified',
        data: {
          workshopId: 'ws-1',
          name: '西秀区扶贫车间',
          countyCode: COUNTY,
          relocationSiteId: `site-${COUNTY}-01`,
          sector: 'garments',
          certifiedAt: NOW,
        },
      },
    ]);
    expect(vacancySummaryOf(later, 'v-1')).toMatchObject({
      employer: { name: '西秀区扶贫车间' },
      meals: true,
    });
    later.apply(
      {
        type: 'EmployerRegistered',
        data: {
          employerId: 'e-1',
          name: '安顺华盛制衣有限公司',
          creditCode: '91350100M000100Y43',
          industry: '纺织服装',
          province: '贵州省',
          city: '安顺市',
          registeredAt: NOW,
        },
      },
      10n,
    );
    expect(vacancySummaryOf(later, 'v-1')?.employer.name).toBe('安顺华盛制衣有限公司');
    expect(vacancySummaryOf(later, 'v-404')).toBeUndefined();
  });
});

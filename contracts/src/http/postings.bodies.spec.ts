import { EVENT_EXAMPLES } from '../events';
import { parseRequest } from './errors';
import {
  changeVacancyBody,
  listVacanciesQuery,
  postVacancyBody,
  registerLabourStationBody,
} from './postings.bodies';

/** The §6.1 example as a body: the event's example without its id, time, or `accommodation` (it defaults). */
const {
  vacancyId: _vacancyId,
  postedAt: _postedAt,
  accommodation: _accommodation,
  ...vacancy
} = EVENT_EXAMPLES.VacancyPosted;
const welfarePost = {
  ...vacancy,
  source: { type: 'public_welfare', id: '520402' },
  location: { province: '贵州省', city: '安顺市', countyCode: '520402' },
  labourCapacities: ['weak', 'partial'],
  welfare: { monthlySubsidy: 800, termMonths: 12 },
};

/** The issue paths of a refused body (fails the test when the body is accepted). */
function refusedAt(body: unknown): string[] {
  const result = parseRequest(postVacancyBody, body);
  if (result.ok) throw new Error('expected the body to be refused');
  return (result.error.error.issues ?? []).map((i) => i.path);
}

describe('POST /v1/vacancies body', () => {
  it('accepts the §6.1 example and a public-welfare post', () => {
    expect(postVacancyBody.safeParse(vacancy).error).toBeUndefined();
    expect(postVacancyBody.parse(vacancy).accommodation).toBe(false);
    expect(postVacancyBody.safeParse(welfarePost).error).toBeUndefined();
  });

  it.each<[string, object, string]>([
    ['an unknown field', { ...vacancy, salary: 1 }, 'salary'],
    ['an unknown nested field', { ...vacancy, wage: { ...vacancy.wage, bonus: 1 } }, 'wage.bonus'],
    ['wage min above max', { ...vacancy, wage: { min: 7000, max: 6000, period: 'month' } }, 'wage.max'],
    ['a negative wage', { ...vacancy, wage: { min: -1, max: 6000, period: 'month' } }, 'wage.min'],
    ['age min above max', { ...vacancy, ageRange: { min: 50, max: 18 } }, 'ageRange.max'],
    ['age below 16', { ...vacancy, ageRange: { min: 15, max: 50 } }, 'ageRange.min'],
    ['age above 70', { ...vacancy, ageRange: { min: 18, max: 71 } }, 'ageRange.max'],
    ['zero openings', { ...vacancy, openings: 0 }, 'openings'],
    ['too many openings', { ...vacancy, openings: 10_001 }, 'openings'],
    ['fractional openings', { ...vacancy, openings: 1.5 }, 'openings'],
    ['a non-ISO expiry', { ...vacancy, expiresAt: '31/01/2027' }, 'expiresAt'],
    ['welfare on a station post', { ...vacancy, welfare: welfarePost.welfare }, 'welfare'],
    ['a welfare post without welfare', { ...welfarePost, welfare: undefined }, 'welfare'],
    [
      'a welfare post located outside the county that runs it',
      { ...welfarePost, location: { province: '贵州省', city: '安顺市', countyCode: '520423' } },
      'location.countyCode',
    ],
    [
      'a welfare post from a non-county',
      { ...welfarePost, source: { type: 'public_welfare', id: '520522' } },
      'source.id',
    ],
    [
      'a Guizhou county that does not exist',
      { ...vacancy, location: { ...vacancy.location, countyCode: '520199' } },
      'location.countyCode',
    ],
    ['capacity none', { ...vacancy, labourCapacities: ['none'] }, 'labourCapacities.0'],
    ['no capacity', { ...vacancy, labourCapacities: [] }, 'labourCapacities'],
    ['an unknown source type', { ...vacancy, source: { type: 'agency', id: 'x' } }, 'source.type'],
  ])('refuses %s', (_, body, path) => {
    expect(refusedAt(body)).toContain(path);
  });
});

describe('PATCH /v1/vacancies/:id body', () => {
  it('needs openings or expiresAt', () => {
    expect(changeVacancyBody.safeParse({ openings: 8 }).success).toBe(true);
    expect(changeVacancyBody.safeParse({ expiresAt: '2027-06-30T00:00:00Z' }).success).toBe(true);
    expect(changeVacancyBody.safeParse({}).success).toBe(false);
    expect(changeVacancyBody.safeParse({ openings: 0 }).success).toBe(false);
    expect(changeVacancyBody.safeParse({ title: 'x', openings: 3 }).success).toBe(false);
  });
});

describe('POST /v1/labour-stations body', () => {
  const {
    stationId: _stationId,
    registeredAt: _registeredAt,
    ...station
  } = EVENT_EXAMPLES.LabourStationRegistered;
  it('accepts a prefecture, county or the province as manager, nothing else', () => {
    expect(registerLabourStationBody.safeParse(station).success).toBe(true);
    expect(registerLabourStationBody.safeParse({ ...station, managingRegionCode: '520000' }).success).toBe(
      true,
    );
    expect(registerLabourStationBody.safeParse({ ...station, managingRegionCode: '520524' }).success).toBe(
      true,
    );
    expect(registerLabourStationBody.safeParse({ ...station, managingRegionCode: '440100' }).success).toBe(
      false,
    );
  });
});

describe('GET /v1/vacancies query', () => {
  it('coerces the limit and refuses unknown parameters', () => {
    expect(listVacanciesQuery.parse({ county: '520402', limit: '20' })).toEqual({
      county: '520402',
      limit: 20,
    });
    expect(listVacanciesQuery.safeParse({ limit: '0' }).success).toBe(false);
    expect(listVacanciesQuery.safeParse({ sort: 'x' }).success).toBe(false);
  });
});

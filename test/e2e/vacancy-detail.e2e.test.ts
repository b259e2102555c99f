import { COUNTY, OTHER_COUNTY, bearer, employerBody, vacancyBody, workshopBody } from './helpers/fixtures';
import { registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const details = {
  description: '流水线缝纫，计件加底薪，熟手优先',
  workingHours: '每天 8 小时，月休 4 天',
  contractTerms: '一年期劳动合同',
  socialInsurance: 'five_insurances_one_fund',
  accommodation: true,
  meals: true,
  contact: { name: '陈经理', phone: '13812345678' },
};

describe('GET /v1/vacancies/:id', () => {
  let t: TestApp;
  let stationId: string;
  let workshopId: string;
  let employerId: string;
  let withEmployer: string;
  let withoutEmployer: string;
  let position: string;

  beforeAll(async () => {
    t = await startTestApp();
    stationId = await registerStation(t);
    workshopId = (
      await t.http
        .post('/v1/workshops')
        .set(bearer(t.tokens.county(COUNTY)))
        .send(workshopBody())
        .expect(201)
    ).body.workshopId;
    employerId = (
      await t.http.post('/v1/employers').set(bearer(t.tokens.admin())).send(employerBody()).expect(201)
    ).body.employerId;
    const post = (body: object) =>
      t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.station(stationId)))
        .send(body)
        .expect(201);
    withEmployer = (
      await post(vacancyBody({ type: 'labour_station', id: stationId }, { employerId, ...details }))
    ).body.vacancyId;
    const second = await post(vacancyBody({ type: 'labour_station', id: stationId }));
    withoutEmployer = second.body.vacancyId;
    position = second.body.position;
  });
  afterAll(async () => {
    await t.close();
  });

  const read = (id: string, token: string) =>
    t.http.get(`/v1/vacancies/${id}`).set(bearer(token)).set('X-Min-Position', position);

  it('shows every role signed in the vacancy with its employer and every detail', async () => {
    const tokens = [
      t.tokens.admin(),
      t.tokens.county(COUNTY),
      t.tokens.county(OTHER_COUNTY),
      t.tokens.broker([OTHER_COUNTY]),
      t.tokens.station(stationId),
      t.tokens.station('another-station'),
      t.tokens.workshop(workshopId),
    ];
    const bodies = [];
    for (const token of tokens) bodies.push((await read(withEmployer, token).expect(200)).body);
    expect(bodies[0]).toMatchObject({
      vacancyId: withEmployer,
      title: '缝纫工',
      occupation: { code: '6-05-01-03', label: '缝纫工' },
      skills: [{ code: '6-05-01-03', label: '缝纫工' }],
      employer: {
        employerId,
        name: '广州市白云区华盛制衣有限公司',
        creditCode: '91350100M000100Y43',
        industry: '纺织服装',
        city: '广州市',
      },
      source: { type: 'labour_station', id: stationId, name: '贵州省驻广州劳务协作站' },
      location: { province: '广东省', city: '广州市' },
      wage: { min: 4500, max: 6000, period: 'month' },
      openings: 5,
      filled: 0,
      remaining: 5,
      status: 'open',
      ...details,
    });
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('shows the poster as the employer when the vacancy names none, and null for details not posted', async () => {
    const res = await read(withoutEmployer, t.tokens.county(COUNTY)).expect(200);
    expect(res.body).toMatchObject({
      employer: { name: '贵州省驻广州劳务协作站' },
      accommodation: false,
      meals: null,
      workingHours: null,
      contractTerms: null,
      socialInsurance: null,
      description: null,
      contact: null,
    });
    expect(res.body.employer).not.toHaveProperty('employerId');
  });

  it('names the employer in the list items too', async () => {
    const res = await t.http
      .get(`/v1/vacancies?sourceId=${stationId}`)
      .set(bearer(t.tokens.broker('all')))
      .set('X-Min-Position', position)
      .expect(200);
    const names = Object.fromEntries(
      res.body.items.map((v: { vacancyId: string; employer: { name: string } }) => [
        v.vacancyId,
        v.employer.name,
      ]),
    );
    expect(names).toEqual({
      [withEmployer]: '广州市白云区华盛制衣有限公司',
      [withoutEmployer]: '贵州省驻广州劳务协作站',
    });
  });

  it('answers 404 for a vacancy never posted and 401 without a token', async () => {
    await read('00000000-0000-4000-8000-000000000000', t.tokens.admin()).expect(404);
    await t.http.get(`/v1/vacancies/${withEmployer}`).expect(401);
  });
});

import { randomUUID } from 'node:crypto';
import {
  COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  labourStationBody,
  lastCommandPosition,
  memberBody,
  trainingBody,
  vacancyBody,
} from './helpers/fixtures';
import { registerHousehold } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** A refused request's answer: the error body's issues. */
interface Refused {
  status: number;
  body: { error: { code: string; issues: { path: string; message: string }[] } };
}

interface Reason {
  code: string;
  zh: string;
  en: string;
}

/**
 * Occupations and skills are 职业分类大典 codes. Today's clients send tags (`sewing_machinist`, `sewing`):
 * they keep working, their tags stored as codes; anything else is a 400 on its field, nothing appended;
 * and vacancies posted before codes (VacancyPosted@1, tags in the store) are read as codes.
 */
describe('occupation codes through HTTP', () => {
  let t: TestApp;
  let office: string;
  let station: string;
  let stationId: string;
  const head = () => lastCommandPosition(t.app);

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
    const res = await t.http
      .post('/v1/labour-stations')
      .set(bearer(t.tokens.admin()))
      .send(labourStationBody())
      .expect(201);
    stationId = res.body.stationId;
    station = t.tokens.station(stationId);
  });
  afterAll(async () => {
    await t.close();
  });

  it('takes the tags of today’s clients and stores their codes', async () => {
    const posted = await t.http
      .post('/v1/vacancies')
      .set(bearer(station))
      .send(
        vacancyBody(
          { type: 'labour_station', id: stationId },
          { occupation: 'sewing_machinist', skills: ['sewing', 'sewing_machinist'] },
        ),
      )
      .expect(201);
    const [vacancy] = await eventStoreOf(t.app).readStream(`vacancy-${posted.body.vacancyId}`);
    expect(vacancy).toMatchObject({
      type: 'VacancyPosted',
      version: 2,
      data: { occupation: '6-05-01-03', skills: ['6-05-01-03'] },
    });

    const { householdId, workerIds } = await registerHousehold(
      t,
      office,
      householdBody(COUNTY, [memberBody({ skills: ['sewing', 'construction'] })]),
    );
    await t.http
      .patch(`/v1/workers/${workerIds[0]}`)
      .set(bearer(office))
      .send({ skills: ['cooking', '6-18-02-04'] })
      .expect(200);
    await t.http
      .post(`/v1/workers/${workerIds[0]}/trainings`)
      .set(bearer(office))
      .send(trainingBody({ skill: 'embroidery' }))
      .expect(201);
    const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
    const data = (type: string) => events.find((e) => e.type === type)?.data;
    expect(data('WorkerRegistered')).toMatchObject({ skills: ['6-05-01-03', '6-29-01-01'] });
    expect(data('WorkerProfileUpdated')).toMatchObject({ skills: ['4-03-02-01', '6-18-02-04'] });
    expect(data('WorkerTrainingCompleted')).toMatchObject({ skill: '6-09-03-11' });
  });

  it('refuses an unknown occupation or skill with 400 naming the field, appending nothing', async () => {
    const { workerIds } = await registerHousehold(t, office);
    const before = await head();
    const refusals: [request: () => PromiseLike<Refused>, paths: string[]][] = [
      [
        () =>
          t.http
            .post('/v1/vacancies')
            .set(bearer(station))
            .send(
              vacancyBody(
                { type: 'labour_station', id: stationId },
                { occupation: 'tailoring', skills: ['sewing', '9-99-99-99'] },
              ),
            ),
        ['occupation', 'skills.1'],
      ],
      [
        () =>
          t.http
            .post('/v1/households')
            .set(bearer(office))
            .send(householdBody(COUNTY, [memberBody({ skills: ['6-05-01-03', 'sewing', 'knitting'] })])),
        ['members.0.skills.2'],
      ],
      [
        () =>
          t.http
            .patch(`/v1/workers/${workerIds[0]}`)
            .set(bearer(office))
            .send({ skills: ['juggling'] }),
        ['skills.0'],
      ],
      [
        () =>
          t.http
            .post(`/v1/workers/${workerIds[0]}/trainings`)
            .set(bearer(office))
            .send(trainingBody({ skill: '6-05-01-99' })),
        ['skill'],
      ],
    ];
    for (const [request, paths] of refusals) {
      const res = await request();
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i) => i.path)).toEqual(paths);
      expect(res.body.error.issues[0].message).toContain('职业分类大典');
    }
    expect(await head()).toBe(before);
  });

  it('reads a vacancy stored with tags (VacancyPosted@1) as codes: the reasons name 缝纫工, no slug', async () => {
    const { workerIds } = await registerHousehold(
      t,
      office,
      householdBody(COUNTY, [memberBody({ skills: ['6-05-01-03'] })]),
    );
    const vacancyId = randomUUID();
    const {
      vacancyId: _id,
      occupation: _o,
      skills: _s,
      ...body
    } = {
      vacancyId,
      ...vacancyBody({ type: 'labour_station', id: stationId }),
    };
    const now = new Date().toISOString();
    const { position } = await eventStoreOf(t.app).append(
      `vacancy-${vacancyId}`,
      [
        {
          id: randomUUID(),
          type: 'VacancyPosted',
          version: 1,
          occurredAt: now,
          data: {
            ...body,
            vacancyId,
            occupation: 'sewing_machinist',
            skills: ['sewing'],
            accommodation: true,
            postedAt: now,
          },
          metadata: { actor: { id: stationId, role: 'station' }, correlationId: 'c', causationId: 'c' },
        },
      ],
      'no_stream',
    );
    const res = await t.http
      .get(`/v1/workers/${workerIds[0]}/recommendations?limit=20`)
      .set(bearer(t.tokens.broker([COUNTY])))
      .set('X-Min-Position', position.toString())
      .expect(200);
    const item = (res.body.items as { vacancyId: string; reasons: Reason[] }[]).find(
      (i) => i.vacancyId === vacancyId,
    );
    const skills = item?.reasons.find((r) => r.code === 'skills_matched');
    expect(skills?.zh).toBe('技能匹配：具备岗位要求的 1/1 项技能（缝纫工）');
    expect(skills?.en).toContain('Sewing machinist');
    for (const reason of item?.reasons ?? []) expect(reason.zh).not.toMatch(/[a-z_]{3,}/);
  });
});

import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  streamTypes,
  lastCommandPosition,
  labourStationBody,
  vacancyBody,
  workshopBody,
} from './helpers/fixtures';
import { registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

describe('postings commands', () => {
  let t: TestApp;
  let admin: string;
  let stationId: string;
  let workshopId: string;

  const head = () => lastCommandPosition(t.app);

  beforeAll(async () => {
    t = await startTestApp();
    admin = t.tokens.admin();
    stationId = await registerStation(t);
    workshopId = (
      await t.http
        .post('/v1/workshops')
        .set(bearer(t.tokens.county(COUNTY)))
        .send(workshopBody())
        .expect(201)
    ).body.workshopId;
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/labour-stations', () => {
    it('registers a station and answers its id and the position of its event', async () => {
      const res = await t.http
        .post('/v1/labour-stations')
        .set(bearer(admin))
        .send(labourStationBody())
        .expect(201);
      expect(res.body).toEqual({ stationId: expect.any(String), position: await head() });
      const [event] = await eventStoreOf(t.app).readStream(`labour-station-${res.body.stationId}`);
      expect(event.type).toBe('LabourStationRegistered');
      expect(event.metadata).toMatchObject({
        actor: { id: 'test-admin', role: 'admin' },
        correlationId: expect.any(String),
        now: expect.any(String),
      });
      expect(event.metadata.causationId).toBe(event.metadata.correlationId);
    });

    it.each([
      ['an unknown field', { ...labourStationBody(), extra: 1 }, 'extra'],
      ['a wrong type', { ...labourStationBody(), name: 42 }, 'name'],
      [
        'a region outside Guizhou',
        { ...labourStationBody(), managingRegionCode: '440100' },
        'managingRegionCode',
      ],
    ])('refuses %s with 400 and appends nothing', async (_what, body, path) => {
      const before = await head();
      const res = await t.http.post('/v1/labour-stations').set(bearer(admin)).send(body).expect(400);
      expect(res.body.error).toMatchObject({ code: 'validation_failed', message: expect.any(String) });
      expect(res.body.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
      expect(await head()).toBe(before);
    });
  });

  describe('POST /v1/workshops', () => {
    it('certifies a workshop in the county office’s own county', async () => {
      const res = await t.http
        .post('/v1/workshops')
        .set(bearer(t.tokens.county(COUNTY)))
        .send(workshopBody())
        .expect(201);
      expect(res.body).toEqual({ workshopId: expect.any(String), position: await head() });
    });

    it('refuses another county’s workshop with 403 and an unknown county with 400', async () => {
      const before = await head();
      await t.http
        .post('/v1/workshops')
        .set(bearer(t.tokens.county(COUNTY)))
        .send(workshopBody(OTHER_COUNTY))
        .expect(403);
      const res = await t.http
        .post('/v1/workshops')
        .set(bearer(admin))
        .send(workshopBody('520999'))
        .expect(400);
      expect(res.body.error.issues[0].path).toBe('countyCode');
      expect(await head()).toBe(before);
    });
  });

  describe('POST /v1/vacancies', () => {
    it('posts for the caller’s own station, workshop and county', async () => {
      for (const [token, source] of [
        [t.tokens.station(stationId), { type: 'labour_station', id: stationId }],
        [t.tokens.workshop(workshopId), { type: 'workshop', id: workshopId }],
        [t.tokens.county(COUNTY), { type: 'public_welfare', id: COUNTY }],
      ] as const) {
        const res = await t.http
          .post('/v1/vacancies')
          .set(bearer(token))
          .send(vacancyBody(source))
          .expect(201);
        expect(res.body).toEqual({ vacancyId: expect.any(String), position: await head() });
        const [event] = await eventStoreOf(t.app).readStream(`vacancy-${res.body.vacancyId}`);
        expect(event.data).toMatchObject({ source, openings: 5 });
      }
    });

    it('refuses a source that is not the caller’s (403) and a station that does not exist (404)', async () => {
      const before = await head();
      await t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.station('another-station')))
        .send(vacancyBody({ type: 'labour_station', id: stationId }))
        .expect(403);
      await t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.county(OTHER_COUNTY)))
        .send(vacancyBody({ type: 'public_welfare', id: COUNTY }))
        .expect(403);
      await t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.workshop(stationId)))
        .send(vacancyBody({ type: 'labour_station', id: stationId }))
        .expect(403);
      const missing = await t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.station('no-such-station')))
        .send(vacancyBody({ type: 'labour_station', id: 'no-such-station' }))
        .expect(404);
      expect(missing.body.error.code).toBe('not_found');
      expect(await head()).toBe(before);
    });

    const station = () => ({ type: 'labour_station' as const, id: stationId });
    it.each([
      [
        'wage min above max',
        () => vacancyBody(station(), { wage: { min: 7000, max: 6000, period: 'month' } }),
        'wage.max',
      ],
      ['zero openings', () => vacancyBody(station(), { openings: 0 }), 'openings'],
      ['an unknown field', () => vacancyBody(station(), { salary: 1 }), 'salary'],
      ['a wrong type', () => vacancyBody(station(), { openings: 'five' }), 'openings'],
      [
        'welfare missing for public_welfare',
        () => {
          const { welfare: _welfare, ...body } = vacancyBody({ type: 'public_welfare', id: COUNTY });
          return body;
        },
        'welfare',
      ],
    ])('refuses %s with 400 and appends nothing', async (_what, body, path) => {
      const before = await head();
      const res = await t.http.post('/v1/vacancies').set(bearer(admin)).send(body()).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      expect(await head()).toBe(before);
    });
  });

  describe('PATCH /v1/vacancies/:id and POST /v1/vacancies/:id/withdraw', () => {
    let vacancyId: string;
    const poster = () => t.tokens.station(stationId);

    beforeAll(async () => {
      vacancyId = (
        await t.http
          .post('/v1/vacancies')
          .set(bearer(poster()))
          .send(vacancyBody({ type: 'labour_station', id: stationId }))
          .expect(201)
      ).body.vacancyId;
    });

    it('changes openings and extends expiry in one append', async () => {
      const expiresAt = new Date(Date.now() + 2 * 365 * 24 * 3600 * 1000).toISOString();
      const res = await t.http
        .patch(`/v1/vacancies/${vacancyId}`)
        .set(bearer(poster()))
        .send({ openings: 8, expiresAt })
        .expect(200);
      expect(res.body).toEqual({ position: await head() });
      expect(await streamTypes(t.app, `vacancy-${vacancyId}`)).toEqual([
        'VacancyPosted',
        'VacancyOpeningsChanged',
        'VacancyExpiryExtended',
      ]);
    });

    it('refuses anyone but the poster (403), an unknown vacancy (404) and an empty change (400)', async () => {
      const before = await head();
      await t.http
        .patch(`/v1/vacancies/${vacancyId}`)
        .set(bearer(t.tokens.station('other')))
        .send({ openings: 3 })
        .expect(403);
      await t.http
        .post(`/v1/vacancies/${vacancyId}/withdraw`)
        .set(bearer(t.tokens.county(COUNTY)))
        .send({})
        .expect(403);
      await t.http
        .patch('/v1/vacancies/no-such-vacancy')
        .set(bearer(admin))
        .send({ openings: 3 })
        .expect(404);
      await t.http.patch(`/v1/vacancies/${vacancyId}`).set(bearer(poster())).send({}).expect(400);
      await t.http
        .patch(`/v1/vacancies/${vacancyId}`)
        .set(bearer(poster()))
        .send({ openings: 0 })
        .expect(400);
      expect(await head()).toBe(before);
    });

    it('withdraws, then refuses changes to the withdrawn vacancy with 409', async () => {
      const res = await t.http
        .post(`/v1/vacancies/${vacancyId}/withdraw`)
        .set(bearer(poster()))
        .send({ reason: '岗位已招满' })
        .expect(200);
      expect(res.body).toEqual({ position: await head() });
      const closed = await t.http
        .patch(`/v1/vacancies/${vacancyId}`)
        .set(bearer(poster()))
        .send({ openings: 9 })
        .expect(409);
      expect(closed.body.error.code).toBe('vacancy_closed');
    });
  });
});

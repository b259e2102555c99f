import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  streamTypes,
  lastCommandPosition,
  householdBody,
  memberBody,
} from './helpers/fixtures';
import { postStationVacancy, registerHousehold, registerStation } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

describe('placement commands', () => {
  let t: TestApp;
  let stationId: string;
  let broker: string;
  const head = () => lastCommandPosition(t.app);

  const postVacancy = (o: Record<string, unknown> = {}) => postStationVacancy(t, stationId, o);
  const registerWorkers = async (count: number, county = COUNTY) => {
    const members = Array.from({ length: count }, () => memberBody());
    return (await registerHousehold(t, t.tokens.county(county), householdBody(county, members))).workerIds;
  };
  const place = (workerId: string, vacancyId: string, token = broker, extra: Record<string, unknown> = {}) =>
    t.http
      .post('/v1/placements')
      .set(bearer(token))
      .send({ workerId, vacancyId, ...extra });

  beforeAll(async () => {
    t = await startTestApp();
    broker = t.tokens.broker([COUNTY]);
    stationId = await registerStation(t);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/placements', () => {
    it('places a worker: reservation, WorkerPlaced with the broker’s choice, confirmation', async () => {
      const vacancyId = await postVacancy();
      const [workerId] = await registerWorkers(1);
      const res = await place(workerId, vacancyId, broker, {
        recommendationRank: 3,
        overrideReason: '离家近',
      }).expect(201);
      expect(res.body).toEqual({ placementId: expect.any(String), position: await head() });
      const householdId = workerId.split('.')[0];
      const household = await eventStoreOf(t.app).readStream(`household-${householdId}`);
      expect(household.at(-1)).toMatchObject({
        type: 'WorkerPlaced',
        data: {
          placementId: res.body.placementId,
          workerId,
          vacancyId,
          channel: 'out_of_province',
          brokerId: `test-broker-${COUNTY}`,
          recommendationRank: 3,
          overrideReason: '离家近',
        },
        metadata: { actor: { id: `test-broker-${COUNTY}`, role: 'broker' } },
      });
      expect(await streamTypes(t.app, `vacancy-${vacancyId}`)).toEqual([
        'VacancyPosted',
        'VacancyOpeningReserved',
        'VacancyReservationConfirmed',
      ]);
    });

    it('answers 409 worker_already_employed, vacancy_full and constraint_violated', async () => {
      const [a, b] = await registerWorkers(2);
      const one = await postVacancy({ openings: 1 });
      await place(a, one).expect(201);
      expect((await place(b, one).expect(409)).body.error.code).toBe('vacancy_full');
      const other = await postVacancy();
      expect((await place(a, other).expect(409)).body.error.code).toBe('worker_already_employed');
      const young = await postVacancy({ ageRange: { min: 18, max: 20 } });
      expect((await place(b, young).expect(409)).body.error.code).toBe('constraint_violated');
    });

    it('refuses a broker outside the worker’s county (403), unknown ids (404) and bad bodies (400), appending nothing', async () => {
      const vacancyId = await postVacancy();
      const [workerId] = await registerWorkers(1);
      const before = await head();
      await place(workerId, vacancyId, t.tokens.broker([OTHER_COUNTY])).expect(403);
      await place(workerId, vacancyId, t.tokens.county(COUNTY)).expect(403);
      await place(workerId, 'no-such-vacancy').expect(404);
      await place('no-such-household.1', vacancyId).expect(404);
      await place('not-a-worker', vacancyId).expect(400);
      await place(workerId, vacancyId, broker, { extra: true }).expect(400);
      await place(workerId, vacancyId, broker, { recommendationRank: 0 }).expect(400);
      expect(await head()).toBe(before);
    });
  });

  describe('POST /v1/placements/:id/end', () => {
    it('ends a placement for the broker, the placing station and the county office; not for others', async () => {
      for (const token of [broker, t.tokens.station(stationId), t.tokens.county(COUNTY)]) {
        const vacancyId = await postVacancy();
        const [workerId] = await registerWorkers(1);
        const { placementId } = (await place(workerId, vacancyId).expect(201)).body;
        const before = await head();
        await t.http
          .post(`/v1/placements/${placementId}/end`)
          .set(bearer(t.tokens.station('other')))
          .send({ reason: 'quit' })
          .expect(403);
        await t.http
          .post(`/v1/placements/${placementId}/end`)
          .set(bearer(t.tokens.county(OTHER_COUNTY)))
          .send({ reason: 'quit' })
          .expect(403);
        await t.http
          .post(`/v1/placements/${placementId}/end`)
          .set(bearer(t.tokens.broker([OTHER_COUNTY])))
          .send({ reason: 'quit' })
          .expect(403);
        await t.http
          .post(`/v1/placements/${placementId}/end`)
          .set(bearer(token))
          .send({ reason: 'fired' })
          .expect(400);
        expect(await head()).toBe(before);
        const res = await t.http
          .post(`/v1/placements/${placementId}/end`)
          .set(bearer(token))
          .send({ reason: 'contract_end' })
          .expect(200);
        expect(res.body).toEqual({ position: await head() });
        // The worker is free again.
        await place(workerId, await postVacancy()).expect(201);
      }
    });

    it('answers 404 for an unknown placement', async () => {
      const [workerId] = await registerWorkers(1);
      const householdId = workerId.split('.')[0];
      for (const id of ['no-colon', `${householdId}:no-such-placement`, 'no-such-household:x']) {
        await t.http
          .post(`/v1/placements/${id}/end`)
          .set(bearer(broker))
          .send({ reason: 'quit' })
          .expect(404);
      }
    });
  });

  describe('concurrency through HTTP', () => {
    it('50 concurrent placements into 5 openings: exactly 5 × 201 and 45 × 409 vacancy_full', async () => {
      const vacancyId = await postVacancy({ openings: 5 });
      const workers = (await Promise.all(Array.from({ length: 5 }, () => registerWorkers(10)))).flat();
      const started = Date.now();
      const results = await Promise.all(workers.map((w) => place(w, vacancyId)));
      const elapsed = Date.now() - started;
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(5);
      expect(results.filter((r) => r.status === 409 && r.body.error.code === 'vacancy_full')).toHaveLength(
        45,
      );
      const vacancy = await eventStoreOf(t.app).readStream(`vacancy-${vacancyId}`);
      expect(vacancy.filter((e) => e.type === 'VacancyReservationConfirmed')).toHaveLength(5);
      expect(vacancy.filter((e) => e.type === 'VacancyOpeningReserved')).toHaveLength(5);
      console.info(`50 concurrent placements into 5 openings: ${elapsed} ms`);
    });

    it('20 concurrent placements of one worker into 20 vacancies: exactly one 201', async () => {
      const [workerId] = await registerWorkers(1);
      const vacancies = await Promise.all(Array.from({ length: 20 }, () => postVacancy()));
      const results = await Promise.all(vacancies.map((v) => place(workerId, v)));
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(
        results.filter((r) => r.status === 409 && r.body.error.code === 'worker_already_employed'),
      ).toHaveLength(19);
      const household = await eventStoreOf(t.app).readStream(`household-${workerId.split('.')[0]}`);
      expect(household.filter((e) => e.type === 'WorkerPlaced')).toHaveLength(1);
      // Every losing reservation was released: no opening stays held.
      for (const vacancyId of vacancies) {
        const events = await eventStoreOf(t.app).readStream(`vacancy-${vacancyId}`);
        const reserved = events.filter((e) => e.type === 'VacancyOpeningReserved').length;
        const settled = events.filter((e) => /VacancyReservation(Confirmed|Released)/.test(e.type)).length;
        expect(settled).toBe(reserved);
      }
    });
  });
});

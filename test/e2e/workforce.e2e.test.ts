import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  employmentReportBody,
  eventStoreOf,
  lastCommandPosition,
  householdBody,
  idNumber,
  memberBody,
  trainingBody,
  withBadChecksum,
} from './helpers/fixtures';
import { registerHousehold } from './helpers/requests';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** A request refused with `status`: method, path, token, body. */
type Refusal = [method: 'post' | 'patch', path: string, token: string, body: object, status: number];

describe('workforce commands', () => {
  let t: TestApp;
  let office: string;
  const head = () => lastCommandPosition(t.app);
  const register = (body: object = householdBody()) => registerHousehold(t, office, body);

  beforeAll(async () => {
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
  });
  afterAll(async () => {
    await t.close();
  });

  describe('POST /v1/households', () => {
    it('registers the household and its members in one append; the ID number is only hashed', async () => {
      const id = idNumber(1986);
      const body = householdBody(COUNTY, [
        memberBody({ idNumber: id }),
        memberBody({ labourCapacity: 'none' }),
      ]);
      const res = await t.http.post('/v1/households').set(bearer(office)).send(body).expect(201);
      const { householdId } = res.body;
      expect(res.body).toEqual({
        householdId: expect.any(String),
        workerIds: [`${householdId}.1`, `${householdId}.2`],
        position: await head(),
      });
      const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
      expect(events.map((e) => e.type)).toEqual([
        'HouseholdRegistered',
        'WorkerRegistered',
        'WorkerRegistered',
      ]);
      expect(new Set(events.map((e) => e.position)).size).toBe(3);
      const stored = JSON.stringify(events.map(({ data, metadata }) => ({ data, metadata })));
      expect(stored).not.toContain(id);
      expect(events[1].data).toMatchObject({
        idNumberLast4: id.slice(-4),
        idNumberHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(JSON.stringify(res.body)).not.toContain(id);
    });

    it.each([
      [
        'a bad ID checksum',
        () => householdBody(COUNTY, [memberBody({ idNumber: withBadChecksum(idNumber()) })]),
        'members.0.idNumber',
      ],
      ['an unknown county', () => householdBody('520999'), 'countyCode'],
      ['an unknown field', () => ({ ...householdBody(), pets: 2 }), 'pets'],
      [
        'a wrong type',
        () => householdBody(COUNTY, [memberBody({ birthYear: '1986' })]),
        'members.0.birthYear',
      ],
      ['no members', () => householdBody(COUNTY, []), 'members'],
    ])('refuses %s with 400, appends nothing and never echoes an ID number', async (_what, body, path) => {
      const before = await head();
      const sent = body();
      const res = await t.http.post('/v1/households').set(bearer(office)).send(sent).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
      for (const member of sent.members as { idNumber: string }[])
        expect(JSON.stringify(res.body)).not.toContain(member.idNumber);
      expect(await head()).toBe(before);
    });

    it('refuses a household of another county (403) and a broker (403)', async () => {
      const before = await head();
      await t.http.post('/v1/households').set(bearer(office)).send(householdBody(OTHER_COUNTY)).expect(403);
      await t.http
        .post('/v1/households')
        .set(bearer(t.tokens.broker('all')))
        .send(householdBody())
        .expect(403);
      expect(await head()).toBe(before);
    });
  });

  describe('Idempotency-Key on POST /v1/households', () => {
    /** The registration under an Idempotency-Key, by the county office unless another token is given. */
    const registerKeyed = (key: string, body: object, token = office) =>
      t.http.post('/v1/households').set(bearer(token)).set('Idempotency-Key', key).send(body);

    it('replays the same answer (position included) without appending, and refuses another body (422)', async () => {
      const body = householdBody();
      const key = `household-${Date.now()}`;
      const first = await registerKeyed(key, body).expect(201);
      const afterFirst = await head();
      const events = await eventStoreOf(t.app).readStream(`household-${first.body.householdId}`);
      expect(events[0].metadata.idempotencyKey).toBe(key);
      const replay = await registerKeyed(key, body).expect(201);
      expect(replay.body).toEqual(first.body);
      expect(replay.headers['idempotent-replay']).toBe('true');
      expect(await head()).toBe(afterFirst);
      const other = await registerKeyed(key, householdBody()).expect(422);
      expect(other.body.error.code).toBe('idempotency_key_reused');
      expect(await head()).toBe(afterFirst);
    });

    it('replays a body whose keys come in another order, instead of refusing it', async () => {
      const body = householdBody();
      const key = `reordered-${Date.now()}`;
      const first = await registerKeyed(key, body);
      expect(first.status).toBe(201);
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const replay = await registerKeyed(key, reordered).expect(201);
      expect(replay.headers['idempotent-replay']).toBe('true');
      expect(replay.body).toEqual(first.body);
    });

    it('authorises before replaying: the same sub and key from another county is refused, not answered', async () => {
      const sub = `shared-sub-${Date.now()}`;
      const key = `scoped-${Date.now()}`;
      const mine = t.tokens.sign({ sub, role: 'county_office', countyCode: COUNTY });
      const theirs = t.tokens.sign({ sub, role: 'county_office', countyCode: OTHER_COUNTY });
      const body = householdBody(COUNTY);
      await registerKeyed(key, body, mine).expect(201);
      const before = await head();
      const replayAttempt = await registerKeyed(key, body, theirs).expect(403);
      expect(replayAttempt.headers['idempotent-replay']).toBeUndefined();
      expect(await head()).toBe(before);
    });
  });

  describe('commands on a household’s members', () => {
    let householdId: string;
    let workerId: string;
    beforeAll(async () => {
      ({
        householdId,
        workerIds: [workerId],
      } = await register());
    });

    it('adds a worker with the next member number', async () => {
      const res = await t.http
        .post(`/v1/households/${householdId}/workers`)
        .set(bearer(office))
        .send(memberBody())
        .expect(201);
      expect(res.body).toEqual({ workerId: `${householdId}.3`, position: await head() });
    });

    it('updates the profile and labour capacity in one append', async () => {
      const res = await t.http
        .patch(`/v1/workers/${workerId}`)
        .set(bearer(office))
        .send({ skills: ['6-05-01-03', '4-03-02-01'], labourCapacity: 'partial' })
        .expect(200);
      expect(res.body).toEqual({ position: await head() });
      const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
      expect(events.slice(-2).map((e) => e.type)).toEqual([
        'WorkerProfileUpdated',
        'WorkerLabourCapacityChanged',
      ]);
      expect(events.at(-1)!.position - events.at(-2)!.position).toBe(1n);
    });

    it('records a training and an employment report', async () => {
      const training = await t.http
        .post(`/v1/workers/${workerId}/trainings`)
        .set(bearer(office))
        .send(trainingBody())
        .expect(201);
      expect(training.body).toEqual({ trainingId: expect.any(String), position: await head() });
      const report = () =>
        t.http
          .post(`/v1/workers/${workerId}/employment-reports`)
          .set(bearer(office))
          .send(employmentReportBody());
      const reported = await report().expect(201);
      expect(reported.body).toEqual({ employmentId: expect.any(String), position: await head() });
      const again = await report().expect(409);
      expect(again.body.error.code).toBe('worker_already_employed');
    });

    it('refuses another county’s office (403), unknown workers (404) and bad bodies (400), appending nothing', async () => {
      const before = await head();
      const other = t.tokens.county(OTHER_COUNTY);
      const badChannel = employmentReportBody({ channel: 'moonlighting' });
      const badIdNumber = memberBody({ idNumber: withBadChecksum(idNumber()) });
      const refused: Refusal[] = [
        ['patch', `/v1/workers/${workerId}`, other, { preference: 'local' }, 403],
        ['post', `/v1/households/${householdId}/workers`, other, memberBody(), 403],
        ['post', `/v1/workers/${workerId}/trainings`, other, trainingBody(), 403],
        ['post', `/v1/workers/${householdId}.9/trainings`, office, trainingBody(), 404],
        ['post', '/v1/workers/no-such-household.1/trainings', office, trainingBody(), 404],
        ['patch', '/v1/workers/not-a-worker-id', office, { preference: 'local' }, 400],
        ['patch', `/v1/workers/${workerId}`, office, { preference: 'anywhere' }, 400],
        ['patch', `/v1/workers/${workerId}`, office, {}, 400],
        ['post', `/v1/workers/${workerId}/employment-reports`, office, badChannel, 400],
        ['post', `/v1/households/${householdId}/workers`, office, badIdNumber, 400],
      ];
      for (const [method, path, token, body, status] of refused) {
        await t.http[method](path).set(bearer(token)).send(body).expect(status);
      }
      expect(await head()).toBe(before);
    });
  });
});

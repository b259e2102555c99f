import { MONITOR_ACTOR } from '@lib/domain/monitor';
import { existsSync, rmSync } from 'node:fs';
import { decodeStoredEvent, type EventEnvelope, type DomainEvent } from '@contracts';
import { START, type EventStore, type RecordedEvent } from '@lib/event-store';
import { generatePopulation } from '@seeds/population-generator';
import { summarizeSeed } from '@seeds/seed-summary';
import { prepareFirstStartSeed } from '../../apps/platform/src/seeding/first-start-seed';
import { SEED_ACTOR } from '../../apps/platform/src/seeding/seed-command-bus';
import { findDemoScopes, welcomeText } from '../../apps/platform/src/seeding/welcome';
import { COUNTY, bearer, eventStoreOf, householdBody, memberBody } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll(START)) events.push(event);
  return events;
}

const countOf = (events: readonly RecordedEvent[], type: string): number =>
  events.filter((e) => e.type === type).length;

describe('demo seed through the command bus', () => {
  let t: TestApp;
  let log: RecordedEvent[];
  type Readiness = { httpStatus: number; seed?: string };
  let readyBefore: Readiness;
  let readyAfter: Readiness;
  /** The seed check's status, from a 200 body or from the 503 problem's details. */
  const readiness = async (): Promise<Readiness> => {
    const res = await t.http.get('/ready');
    type Checks = { details?: Record<string, { status: string }> };
    const body = res.body as Checks & { error?: { details?: Checks } };
    const checks = body.details ?? body.error?.details?.details;
    return { httpStatus: res.status, seed: checks?.seed?.status };
  };
  // The loader observes the population today, as the first start does.
  const expected = summarizeSeed(
    generatePopulation({ scale: 'demo', asOf: new Date().toISOString().slice(0, 10) }),
  );

  beforeAll(async () => {
    t = await startTestApp();
    const seed = await prepareFirstStartSeed(t.app, { scale: 'demo' });
    readyBefore = await readiness();
    const outcome = await seed.run();
    expect(outcome.seeded).toBe(true);
    readyAfter = await readiness();
    log = await readLog(eventStoreOf(t.app));
  }, 120_000);
  afterAll(async () => {
    // The last test closed the app and removed its directory already.
    if (existsSync(t?.dataDir ?? '')) await t.close();
  });

  it('holds what summarizeSeed counts: stations, workshops, vacancies, households, workers, employment', () => {
    expect(countOf(log, 'LabourStationRegistered')).toBe(expected.stations);
    expect(countOf(log, 'WorkshopCertified')).toBe(expected.workshops);
    expect(countOf(log, 'VacancyPosted')).toBe(expected.vacancies);
    expect(countOf(log, 'HouseholdRegistered')).toBe(expected.households);
    expect(countOf(log, 'WorkerRegistered')).toBe(expected.members);
    expect(countOf(log, 'EmploymentReported')).toBe(expected.employedWorkers);
    expect(expected.households).toBe(300);
  });

  it('keeps /ready down for the seed until it is loaded', () => {
    expect(readyBefore).toEqual({ httpStatus: 503, seed: 'down' });
    // Other checks (projections catching up on the seed) may still be down: only the seed's is asserted.
    expect(readyAfter.seed).toBe('up');
  });

  it('decodes every seeded event with the contract, names the system seed actor, and reports employment in the registration append', () => {
    const seeded: EventEnvelope<DomainEvent>[] = log
      .filter((e) => (e.metadata as { actor: { id: string } }).actor.id !== MONITOR_ACTOR.id)
      .map((e) => decodeStoredEvent(e));
    expect(seeded.length).toBeGreaterThan(expected.households + expected.members);
    for (const event of seeded) expect(event.metadata.actor).toEqual(SEED_ACTOR);
    // One command per household: every event of a household stream shares its registration's correlation.
    const byStream = new Map<string, Set<string>>();
    for (const e of seeded.filter((s) => s.streamId.startsWith('household-'))) {
      byStream.set(e.streamId, (byStream.get(e.streamId) ?? new Set()).add(e.metadata.correlationId));
    }
    expect(byStream.size).toBe(expected.households);
    for (const correlations of byStream.values()) expect(correlations.size).toBe(1);
  });

  it('finds a station, a workshop and the demo counties for the printed tokens, which the app accepts', async () => {
    const scopes = await findDemoScopes(eventStoreOf(t.app));
    expect(scopes.counties).toEqual(['520402', '520424', '520425']);
    expect(scopes.station?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(scopes.workshop?.countyCode).toBe('520402');
    const text = welcomeText('http://localhost:3000', t.config.jwtSecret, scopes);
    const tokens = Object.fromEntries(
      [...text.matchAll(/^export (TOKEN_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(tokens).sort()).toEqual([
      'TOKEN_ADMIN',
      'TOKEN_BROKER',
      'TOKEN_COUNTY',
      'TOKEN_STATION',
      'TOKEN_WORKSHOP',
    ]);
    expect(text).toContain('http://localhost:3000/docs');
    expect(text).toMatch(/^curl -s http:\/\/localhost:3000\/v1\/counties\/520402\/employment/m);
    // The county office token registers a household in 520402; the workshop token is refused there.
    await t.http
      .post('/v1/households')
      .set(bearer(tokens.TOKEN_COUNTY))
      .send(householdBody(COUNTY))
      .expect(201);
    await t.http
      .post('/v1/households')
      .set(bearer(tokens.TOKEN_WORKSHOP))
      .send(householdBody(COUNTY))
      .expect(403);
  });
  it('does not seed again on a second start of the same data directory', async () => {
    const again = await prepareFirstStartSeed(t.app, { scale: 'demo' });
    expect(await again.run()).toEqual({ seeded: false, reason: 'not_first_start' });
    const { dataDir } = t;
    await t.app.close(); // keeps the directory: t.close() would remove it
    const restarted = await startTestApp({ dataDir });
    try {
      const seed = await prepareFirstStartSeed(restarted.app, { scale: 'demo' });
      expect(await seed.run()).toEqual({ seeded: false, reason: 'not_first_start' });
      const relog = await readLog(eventStoreOf(restarted.app));
      expect(countOf(relog, 'HouseholdRegistered')).toBe(countOf(log, 'HouseholdRegistered') + 1);
      expect(countOf(relog, 'LabourStationRegistered')).toBe(expected.stations);
    } finally {
      await restarted.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('POST /v1/households with employment members already have', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('appends EmploymentReported in the registration append; the worker is employed from the start', async () => {
    const job = {
      channel: 'workshop',
      employer: '西秀区扶贫车间',
      source: 'cadre_visit',
      startDate: '2025-03-01',
    };
    const body = householdBody(COUNTY, [
      memberBody(),
      memberBody({ name: '李四', gender: 'male', currentEmployment: job }),
    ]);
    const office = t.tokens.county(COUNTY);
    const res = await t.http.post('/v1/households').set(bearer(office)).send(body).expect(201);
    const { householdId, workerIds } = res.body as { householdId: string; workerIds: string[] };
    expect(workerIds).toEqual([`${householdId}.1`, `${householdId}.2`]);
    const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
    expect(events.map((e) => e.type)).toEqual([
      'HouseholdRegistered',
      'WorkerRegistered',
      'WorkerRegistered',
      'EmploymentReported',
    ]);
    expect(new Set(events.map((e) => (e.metadata as { correlationId: string }).correlationId)).size).toBe(1);
    expect(events[3].data).toMatchObject({ ...job, workerId: `${householdId}.2`, householdId });
    expect(events[2].data).not.toHaveProperty('currentEmployment');
    await t.http
      .post(`/v1/workers/${householdId}.2/employment-reports`)
      .set(bearer(office))
      .send({ channel: 'flexible', source: 'declaration', startDate: '2025-06-01' })
      .expect(409);
  });

  it('refuses an unknown field in currentEmployment, appending nothing', async () => {
    const head = await eventStoreOf(t.app).headPosition();
    const job = { channel: 'workshop', source: 'cadre_visit', startDate: '2025-03-01', wage: 3000 };
    const body = householdBody(COUNTY, [memberBody({ currentEmployment: job })]);
    const res = await t.http
      .post('/v1/households')
      .set(bearer(t.tokens.county(COUNTY)))
      .send(body)
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('currentEmployment');
    expect(await eventStoreOf(t.app).headPosition()).toBe(head);
  });
});

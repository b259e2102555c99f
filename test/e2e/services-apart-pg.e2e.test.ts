/**
 * The distributed services as separate processes on one PostgreSQL database (EVENT_STORE_URL=postgres://…):
 * postings, workforce, two replicas of matching and the monitor, which follows the global log directly (no
 * Kafka). The guarantee loop runs across them; two matching replicas race for a vacancy's openings; a burst of
 * registrations survives kill -9 of the services taking it; and the figures after restart equal a rebuild.
 * Needs PG_URL (`.ci/run` starts a server); skipped, saying so, without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresEventStore } from '@lib/event-store/postgres';
import { describeWithPostgres } from '@lib/testing';
import {
  COUNTY,
  bearer,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { STARTUP_MS, startNodeProcess, stopPlatform, type Platform } from './helpers/platform-process';
import { testTokens } from './helpers/test-tokens';

const SECRET = 'services-apart-secret-0123456789abcdef';
const tokens = testTokens(SECRET);
const office = tokens.county(COUNTY);
const broker = tokens.broker([COUNTY]);
const ROOT = join(__dirname, '..', '..');
jest.setTimeout(6 * STARTUP_MS);

type ServiceName = 'postings' | 'workforce' | 'matching' | 'monitor';

describeWithPostgres('services apart on one PostgreSQL', (databaseUrl) => {
  const dirs = new Map<string, string>();
  const running = new Set<Platform>();
  const env = (replica: string): Record<string, string> => {
    if (!dirs.has(replica)) dirs.set(replica, mkdtempSync(join(tmpdir(), `apart-${replica}-`)));
    return {
      EVENT_STORE_URL: databaseUrl(),
      DATA_DIR: dirs.get(replica) ?? '',
      JWT_SECRET: SECRET,
      ID_HASH_KEY: 'services-apart-id-hash-key-0123',
      NODE_ENV: 'production',
      SCHEDULER_INTERVAL_MS: '0',
    };
  };
  const start = async (service: ServiceName, replica: string = service): Promise<Platform> => {
    const process = await startNodeProcess(`apps/${service}/src/main.ts`, env(replica));
    running.add(process);
    await waitReady(process);
    return process;
  };
  const kill9 = async (service: Platform): Promise<void> => {
    service.child.kill('SIGKILL');
    expect(await service.exited).toBe('SIGKILL');
    running.delete(service);
  };

  let postings: Platform;
  let workforce: Platform;
  let matching: [Platform, Platform];
  let monitor: Platform;

  beforeAll(async () => {
    // The first start creates the tables; the others start beside it at once.
    postings = await start('postings');
    const [w, m1, m2, mon] = await Promise.all([
      start('workforce'),
      start('matching', 'matching-a'),
      start('matching', 'matching-b'),
      start('monitor'),
    ]);
    [workforce, matching, monitor] = [w, [m1, m2], mon];
  });
  afterAll(async () => {
    for (const service of running) await stopPlatform(service);
    for (const dir of dirs.values()) rmSync(dir, { recursive: true, force: true });
  });

  const postVacancy = async (openings: number): Promise<string> => {
    const { stationId } = (
      await postings.http
        .post('/v1/labour-stations')
        .set(bearer(tokens.admin()))
        .send(labourStationBody())
        .expect(201)
    ).body;
    const posted = await postings.http
      .post('/v1/vacancies')
      .set(bearer(tokens.station(stationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }, { openings }))
      .expect(201);
    return posted.body.vacancyId as string;
  };
  const register = (members = 2) =>
    workforce.http
      .post('/v1/households')
      .set(bearer(office))
      .send(
        householdBody(
          COUNTY,
          Array.from({ length: members }, () => memberBody()),
        ),
      )
      .expect(201)
      .then((res) => res.body as { householdId: string; workerIds: string[]; position: string });
  const employmentAt = (householdId: string, position: string) =>
    monitor.http
      .get(`/v1/households/${householdId}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', position)
      .expect(200)
      .then((res) => res.body as { status: string });

  it('runs the guarantee loop: post at postings, register at workforce, place at matching, read at the monitor', async () => {
    const vacancyId = await postVacancy(1);
    const household = await register();
    expect((await employmentAt(household.householdId, household.position)).status).toBe('zero_employment');

    const placed = await matching[1].http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: household.workerIds[0], vacancyId })
      .expect(201);
    expect((await employmentAt(household.householdId, String(placed.body.position))).status).toBe('covered');
  });

  it('gives exactly 5 placements of 100 racing for 5 openings across two matching replicas', async () => {
    const vacancyId = await postVacancy(5);
    const households = await Promise.all(Array.from({ length: 50 }, () => register(2)));
    const workers = households.flatMap((h) => h.workerIds);
    expect(workers).toHaveLength(100);

    const answers = await Promise.all(
      workers.map((workerId, i) =>
        matching[i % 2].http.post('/v1/placements').set(bearer(broker)).send({ workerId, vacancyId }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    // Each other one is refused as a conflict (no opening left), none fails otherwise.
    expect(statuses.filter((s) => s !== 201).every((s) => s === 409)).toBe(true);

    const events = await PostgresEventStore.connect(databaseUrl());
    try {
      const stream = await events.readStream(`vacancy-${vacancyId}`);
      const count = (type: string): number => stream.filter((e) => e.type === type).length;
      expect(count('VacancyReservationConfirmed')).toBe(5);
      expect(count('VacancyOpeningReserved') - count('VacancyReservationReleased')).toBe(5);
    } finally {
      await events.close();
    }
  });

  it('loses no acknowledged registration when workforce and the monitor are killed -9 mid-burst, and the figures after restart equal a rebuild', async () => {
    const acknowledged: { householdId: string; position: string }[] = [];
    let failed = 0;
    let stop = false;
    const writer = async (): Promise<void> => {
      for (let i = 0; i < 40 && !stop; i++) {
        const answer = await workforce.http
          .post('/v1/households')
          .set(bearer(office))
          .send(householdBody(COUNTY, [memberBody()]))
          .then(
            (res) =>
              res.status === 201 ? (res.body as { householdId: string; position: string }) : undefined,
            () => undefined,
          );
        if (answer) acknowledged.push(answer);
        else failed += 1;
      }
    };
    const writers = Promise.all([writer(), writer(), writer()]);
    const burstDeadline = Date.now() + 60_000;
    while (acknowledged.length < 15) {
      if (Date.now() > burstDeadline) throw new Error(`only ${acknowledged.length} registrations in 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await Promise.all([kill9(workforce), kill9(monitor)]);
    stop = true;
    await writers;
    expect(failed).toBeGreaterThan(0);

    [workforce, monitor] = await Promise.all([start('workforce'), start('monitor')]);
    const last = acknowledged.map((a) => BigInt(a.position)).reduce((a, b) => (a > b ? a : b));
    for (const { householdId } of acknowledged) {
      expect((await employmentAt(householdId, last.toString())).status).toBe('zero_employment');
    }

    const figures = async () =>
      (await monitor.http.get(`/v1/counties/${COUNTY}/employment`).set(bearer(office)).set('X-Min-Position', last.toString()).expect(200)).body; // prettier-ignore
    const afterRestart = await figures();
    await stopPlatform(monitor);
    running.delete(monitor);
    const rebuild = spawnSync('npm', ['run', '-s', 'projections:rebuild'], {
      cwd: ROOT,
      env: { ...process.env, ...env('monitor'), LOG_LEVEL: 'warn' },
      encoding: 'utf8',
      timeout: STARTUP_MS,
    });
    expect({ status: rebuild.status, stderr: rebuild.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
    expect(rebuild.stdout).toMatch(/\d/);
    monitor = await start('monitor');
    const afterRebuild = await figures();
    expect(afterRebuild).toEqual(afterRestart);
    expect(afterRestart.households).toBeGreaterThanOrEqual(acknowledged.length);
  });
});

/** A service answers /ready once its stores are open and its projections have caught up. */
async function waitReady(service: Platform): Promise<void> {
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    const status = await fetch(`${service.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${service.url} is not ready: ${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

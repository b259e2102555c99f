/**
 * A real platform process killed between the placement saga's appends (FAULT_INJECT, see
 * test/crash/fault-injection.ts), then started again on the same DATA_DIR: the recovery
 * pass at start must finish the placement one way or the other (ADR 0002).
 *   - killed after the reservation: no WorkerPlaced, so the placement is voided and the opening released;
 *   - killed after WorkerPlaced: the household committed, so the reservation is confirmed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore, type RecordedEvent } from '@lib/event-store';
import {
  COUNTY,
  bearer,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { checkedAgent, servedContract } from './helpers/checked-agent';
import { testTokens } from './helpers/test-tokens';

const ROOT = join(__dirname, '..', '..');
const SECRET = 'crash-test-secret-0123456789abcdef0123';
const tokens = testTokens(SECRET);
const STARTUP_MS = 90_000;
jest.setTimeout(4 * STARTUP_MS);

interface Platform {
  readonly child: ChildProcess;
  readonly http: ReturnType<typeof request>;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts the platform (with the crash points of test/crash) under ts-node and waits until it answers /health. */
async function startPlatform(dataDir: string, fault?: string): Promise<Platform> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'test/crash/platform-with-faults.child.ts',
    ],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        PORT: String(port),
        DATA_DIR: dataDir,
        JWT_SECRET: SECRET,
        ID_HASH_KEY: 'crash-test-id-hash-key-0123',
        LOG_LEVEL: 'warn',
        RATE_LIMIT: '0',
        FAULT_INJECT: fault ?? '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = `http://127.0.0.1:${port}`;
  const http = request(url);
  const deadline = Date.now() + STARTUP_MS;
  let dead = false;
  void exited.then(() => (dead = true));
  for (;;) {
    if (dead) throw new Error(`The platform exited during start: ${output}`);
    if (Date.now() > deadline) throw new Error(`The platform did not start in time: ${output}`);
    const ok = await http
      .get('/health')
      .then((res) => res.status === 200)
      .catch(() => false);
    // Once it answers, every answer is checked against the OpenAPI document it serves.
    if (ok)
      return { child, http: checkedAgent(url, await servedContract(url)), exited, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function stopPlatform(platform: Platform): Promise<void> {
  platform.child.kill('SIGTERM');
  await platform.exited;
}

async function readStreams(dataDir: string, ...streams: string[]): Promise<RecordedEvent[][]> {
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  try {
    return await Promise.all(streams.map((s) => store.readStream(s)));
  } finally {
    await store.close();
  }
}

/** A station, a one-opening vacancy and a household of two, through the platform's API. */
async function setUp(http: Platform['http']) {
  const { stationId } = (
    await http.post('/v1/labour-stations').set(bearer(tokens.admin())).send(labourStationBody()).expect(201)
  ).body;
  const vacancy = () =>
    http
      .post('/v1/vacancies')
      .set(bearer(tokens.station(stationId)))
      .send(vacancyBody({ type: 'labour_station', id: stationId }, { openings: 1 }))
      .expect(201)
      .then((res) => res.body.vacancyId as string);
  const { householdId, workerIds } = (
    await http
      .post('/v1/households')
      .set(bearer(tokens.county(COUNTY)))
      .send(householdBody(COUNTY, [memberBody(), memberBody()]))
      .expect(201)
  ).body;
  return { vacancy, householdId: householdId as string, workerIds: workerIds as string[] };
}

const broker = tokens.broker([COUNTY]);
const types = (events: RecordedEvent[]) => events.map((e) => e.type);

describe('a platform process killed inside the placement saga', () => {
  const dirs: string[] = [];
  const running: Platform[] = [];
  const dataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'placements-crash-'));
    dirs.push(dir);
    return dir;
  };
  const start = async (dir: string, fault?: string) => {
    const platform = await startPlatform(dir, fault);
    running.push(platform);
    return platform;
  };
  afterAll(async () => {
    for (const platform of running)
      if (platform.child.exitCode === null && platform.child.signalCode === null)
        await stopPlatform(platform);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('after the reservation: restart voids the placement and releases the opening', async () => {
    const dir = dataDir();
    const first = await start(dir, 'placement-after-reserve');
    const { vacancy, householdId, workerIds } = await setUp(first.http);
    const vacancyId = await vacancy();
    // With an Idempotency-Key: the key the killed process held in progress must not block the retry.
    const key = `placement-${Date.now()}`;
    const died = await first.http
      .post('/v1/placements')
      .set(bearer(broker))
      .set('Idempotency-Key', key)
      .send({ workerId: workerIds[0], vacancyId })
      .then(
        () => false,
        () => true,
      );
    expect(died).toBe(true);
    expect(await first.exited).toBe('SIGKILL');
    const [vacancyBefore, householdBefore] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    expect(types(vacancyBefore)).toEqual(['VacancyPosted', 'VacancyOpeningReserved']);
    expect(types(householdBefore)).not.toContain('WorkerPlaced');

    const second = await start(dir);
    // The worker is free and the single opening is back: the same request, same key, now succeeds (its key
    // was released at start, not left "in progress" for minutes).
    const res = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .set('Idempotency-Key', key)
      .send({ workerId: workerIds[0], vacancyId })
      .expect(201);
    expect(res.headers['idempotent-replay']).toBeUndefined();
    await stopPlatform(second);
    const [vacancyAfter, householdAfter] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    const crashed = vacancyBefore[1].data.placementId;
    expect(types(vacancyAfter)).toEqual([
      'VacancyPosted',
      'VacancyOpeningReserved',
      'VacancyReservationReleased',
      'VacancyOpeningReserved',
      'VacancyReservationConfirmed',
    ]);
    expect(vacancyAfter[2].data).toMatchObject({ placementId: crashed, reason: 'placement_voided' });
    expect(vacancyAfter[2].metadata).toMatchObject({ actor: { role: 'system' } });
    expect(householdAfter.find((e) => e.type === 'PlacementVoided')?.data).toMatchObject({
      placementId: crashed,
    });
    expect(householdAfter.filter((e) => e.type === 'WorkerPlaced').map((e) => e.data.placementId)).toEqual([
      res.body.placementId,
    ]);
  });

  it('after WorkerPlaced: restart confirms the reservation and the worker stays placed', async () => {
    const dir = dataDir();
    const first = await start(dir, 'placement-after-place');
    const { vacancy, householdId, workerIds } = await setUp(first.http);
    const vacancyId = await vacancy();
    const otherVacancyId = await vacancy();
    const died = await first.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId })
      .then(
        () => false,
        () => true,
      );
    expect(died).toBe(true);
    expect(await first.exited).toBe('SIGKILL');

    const second = await start(dir);
    const other = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[0], vacancyId: otherVacancyId })
      .expect(409);
    expect(other.body.error.code).toBe('worker_already_employed');
    // The opening is taken for good: the other member cannot have it.
    const full = await second.http
      .post('/v1/placements')
      .set(bearer(broker))
      .send({ workerId: workerIds[1], vacancyId })
      .expect(409);
    expect(full.body.error.code).toBe('vacancy_full');
    await stopPlatform(second);
    const [vacancyAfter, householdAfter] = await readStreams(
      dir,
      `vacancy-${vacancyId}`,
      `household-${householdId}`,
    );
    expect(types(vacancyAfter)).toEqual([
      'VacancyPosted',
      'VacancyOpeningReserved',
      'VacancyReservationConfirmed',
    ]);
    const placed = householdAfter.filter((e) => e.type === 'WorkerPlaced');
    expect(placed).toHaveLength(1);
    expect(placed[0].data.placementId).toBe(vacancyAfter[1].data.placementId);
    expect(types(householdAfter)).not.toContain('PlacementVoided');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { SqliteEventStore, type RecordedEvent } from '@lib/event-store';
import { freePort } from '@lib/testing';
import { checkedAgent, servedContract } from './checked-agent';

/**
 * Real processes for the crash tests and the services-apart test: the platform as `npm start` runs it, under
 * ts-node, through the crash tests' own entry (test/crash/platform-with-faults.child.ts), with the crash point
 * FAULT_INJECT; or a distributed service's main.ts.
 */
const ROOT = join(__dirname, '..', '..', '..');
export const STARTUP_MS = 90_000;

export interface Platform {
  readonly child: ChildProcess;
  readonly url: string;
  readonly http: ReturnType<typeof request>;
  readonly exited: Promise<NodeJS.Signals | number | null>;
  output(): string;
}

export interface PlatformProcessOptions {
  readonly jwtSecret: string;
  /** A crash point of test/crash/fault-injection.ts. */
  readonly fault?: string;
  /** More environment (SCHEDULER_INTERVAL_MS, LOG_LEVEL, …). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Starts the platform on `dataDir` and waits until it answers /health. */
export function startPlatform(dataDir: string, options: PlatformProcessOptions): Promise<Platform> {
  return startNodeProcess('test/crash/platform-with-faults.child.ts', {
    DATA_DIR: dataDir,
    JWT_SECRET: options.jwtSecret,
    ID_HASH_KEY: 'crash-test-id-hash-key-0123',
    FAULT_INJECT: options.fault ?? '',
    ...options.env,
  });
}

/**
 * Runs a TypeScript entry point of the repository (a service's main.ts, a test child) under ts-node on a free
 * port, with quiet logs and no rate limit, and waits until it answers /health.
 */
export async function startNodeProcess(
  entry: string,
  env: Readonly<Record<string, string>>,
): Promise<Platform> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        PORT: String(port),
        LOG_LEVEL: 'warn',
        RATE_LIMIT: '0',
        ...env,
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
    if (dead) throw new Error(`${entry} exited during start: ${output}`);
    if (Date.now() > deadline) throw new Error(`${entry} did not start in time: ${output}`);
    const ok = await http
      .get('/health')
      .then((res) => res.status === 200)
      .catch(() => false);
    // Once it answers, every answer is checked against the OpenAPI document it serves.
    if (ok)
      return { child, url, http: checkedAgent(url, await servedContract(url)), exited, output: () => output };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function stopPlatform(platform: Platform): Promise<void> {
  platform.child.kill('SIGTERM');
  await platform.exited;
}

export interface CrashSuite {
  /** A fresh data directory (a platform's DATA_DIR). */
  dataDir(): string;
  /** Starts the platform on `dir`, with the crash point `fault` if one is given. */
  start(dir: string, fault?: string): Promise<Platform>;
}

/**
 * The platforms and data directories of a crash suite (call it in its `describe`): after all its tests, the
 * platforms still running are stopped and the directories (named `<prefix>…` in the temp directory) removed.
 */
export function crashSuite(prefix: string, options: Omit<PlatformProcessOptions, 'fault'>): CrashSuite {
  const dirs: string[] = [];
  const running: Platform[] = [];
  afterAll(async () => {
    for (const platform of running)
      if (platform.child.exitCode === null && platform.child.signalCode === null)
        await stopPlatform(platform);
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
  return {
    dataDir() {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async start(dir, fault) {
      const platform = await startPlatform(dir, { ...options, fault });
      running.push(platform);
      return platform;
    },
  };
}

/** Sends the request its crash point kills the platform in: no answer comes, and the process dies of SIGKILL. */
export async function expectKilledDuring(platform: Platform, request: PromiseLike<unknown>): Promise<void> {
  const answered = await Promise.resolve(request).then(
    () => true,
    () => false,
  );
  expect(answered).toBe(false);
  expect(await platform.exited).toBe('SIGKILL');
}

/** The streams' events, read from the data directory once no platform holds it. */
export async function readStreams(dataDir: string, ...streams: string[]): Promise<RecordedEvent[][]> {
  const store = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  try {
    return await Promise.all(streams.map((s) => store.readStream(s)));
  } finally {
    await store.close();
  }
}

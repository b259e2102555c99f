import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MONITOR_COLLECTIONS } from '@lib/application';
import { SqliteEventStore, type EventStore, type Position } from '@lib/event-store';
import { SqliteReadStore, type ProjectionRunner } from '@lib/read-store';
import { generateProvinceLog } from '@lib/read-store/testing/province-event-generator';
import { parseRebuildReport, type RebuildReport } from '../../apps/platform/src/projections/rebuild-report';

/** A benchmark's embedded stores: the SQLite event store and the employment monitor's read store. */
export interface MonitorStores {
  /** The temporary directory holding `events.sqlite` and `read-models.sqlite` (a platform's DATA_DIR). */
  readonly directory: string;
  readonly events: SqliteEventStore;
  readonly reads: SqliteReadStore;
  /** Closes both stores and removes the directory, unless BENCH_KEEP=1 keeps it (its path is printed). */
  close(): Promise<void>;
}

/** Opens the stores in a fresh temporary directory named after the benchmark (`prefix`). */
export function openMonitorStores(prefix: string): MonitorStores {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  const events = SqliteEventStore.open(join(directory, 'events.sqlite'));
  const reads = SqliteReadStore.open(join(directory, 'read-models.sqlite'), MONITOR_COLLECTIONS);
  return {
    directory,
    events,
    reads,
    async close() {
      await reads.close();
      await events.close();
      if (!process.env.BENCH_KEEP) rmSync(directory, { recursive: true, force: true });
      else console.log(`kept ${directory}`);
    },
  };
}

/** Runs a benchmark's `main`: a failure is printed and fails the process. */
export function runBenchmark(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}

/** Appends the generated province log of about `total` events, `inFlight` appends at a time. */
export async function appendProvince(store: EventStore, total: number, inFlight = 1000): Promise<number> {
  let window: Promise<unknown>[] = [];
  let events = 0;
  for (const append of generateProvinceLog(total)) {
    events += append.events.length;
    // Concurrent appends share one commit (group commit); a stream's appends stay in order in the queue.
    window.push(store.append(append.streamId, append.events, append.expectedRevision));
    if (window.length >= inFlight) {
      await Promise.all(window);
      window = [];
    }
  }
  await Promise.all(window);
  return events;
}

/**
 * Runs `runner` until it has caught up with the log, the monitor events its process manager appends
 * meanwhile included (they follow the head), and stops it; returns the position reached.
 */
export async function catchUp(runner: ProjectionRunner, events: EventStore): Promise<Position> {
  await runner.start();
  for (let head = await events.headPosition(); runner.position() < head; head = await events.headPosition()) {
    await runner.waitFor(head, 60_000);
  }
  await runner.stop();
  return runner.position();
}

/**
 * `npm run projections:rebuild` with DATA_DIR `dataDir` and `env` on top of this process's environment, in
 * its own process: the command an operator runs, with a heap that holds nothing but the rebuild. Its figures
 * come from the line it prints.
 */
export function rebuildWithTheCommand(
  dataDir: string,
  env: Readonly<Record<string, string>> = {},
): RebuildReport {
  const run = spawnSync('npm', ['run', '-s', 'projections:rebuild'], {
    cwd: join(__dirname, '..', '..'),
    env: { ...process.env, DATA_DIR: dataDir, ...env },
    encoding: 'utf8',
  });
  const report = parseRebuildReport(run.stdout);
  if (run.status !== 0 || !report) throw new Error(`projections:rebuild failed: ${run.stderr || run.stdout}`);
  return report;
}

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MONITOR_COLLECTIONS } from '@lib/application';
import { SqliteEventStore } from '@lib/event-store';
import { SqliteReadStore } from '@lib/read-store';

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

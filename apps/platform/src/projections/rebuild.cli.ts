/**
 * `npm run projections:rebuild`: rebuilds every employment-monitor projection from position 0 of the event
 * store into fresh read-store collections and swaps them in (the process manager's appends are repeats and
 * change nothing). Run it with the platform stopped: a running platform keeps the generation it opened.
 *
 * Stores: EVENTSTORE_URL (EventStoreDB) or `<DATA_DIR>/events.sqlite`; MONGO_URL (MongoDB, database from
 * the URL's path, default `relocation`) or `<DATA_DIR>/read-models.sqlite`.
 */
import { join } from 'node:path';
import { SqliteEventStore, type EventStore } from '@lib/event-store';
import { EventStoreDbEventStore } from '@lib/event-store/eventstoredb';
import { MONITOR_COLLECTIONS, employmentMonitorProjector, householdsCollection } from '@lib/application';
import { MongoReadStore, ProjectionRunner, SqliteReadStore, type ReadStore } from '@lib/read-store';
import { configFromEnv } from '../config/platform-config';
import { formatRebuildReport } from './rebuild-report';

function mongoDatabaseOf(url: string): string {
  const path = new URL(url).pathname.replace(/^\//, '');
  return path === '' ? 'relocation' : path;
}

async function openStores(env: NodeJS.ProcessEnv): Promise<{ events: EventStore; reads: ReadStore }> {
  const { dataDir } = configFromEnv(env);
  const events = env.EVENTSTORE_URL
    ? EventStoreDbEventStore.fromConnectionString(env.EVENTSTORE_URL)
    : SqliteEventStore.open(join(dataDir, 'events.sqlite'));
  const reads = env.MONGO_URL
    ? await MongoReadStore.connect(env.MONGO_URL, mongoDatabaseOf(env.MONGO_URL), MONITOR_COLLECTIONS)
    : SqliteReadStore.open(join(dataDir, 'read-models.sqlite'), MONITOR_COLLECTIONS);
  return { events, reads };
}

async function main(): Promise<void> {
  const { events, reads } = await openStores(process.env);
  try {
    const runner = new ProjectionRunner(events, reads, employmentMonitorProjector());
    const report = await runner.rebuild();
    const households = await reads.count(householdsCollection);
    const line = formatRebuildReport({
      events: report.events,
      seconds: report.seconds,
      batches: report.batches,
      peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024), // maxRSS is in KiB
      households,
      position: report.position.toString(),
      appends: report.appends,
    });
    process.stdout.write(`${line}\n`);
  } finally {
    await reads.close();
    await events.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Rebuild failed, the live collections are unchanged: ${String(error)}\n`);
  process.exitCode = 1;
});

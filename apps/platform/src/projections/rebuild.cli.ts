/**
 * `npm run projections:rebuild`: rebuilds every employment-monitor projection from position 0 of the event
 * store into fresh read-store collections and swaps them in (the process manager's appends are repeats and
 * change nothing). Run it with the platform stopped: a running platform keeps the generation it opened.
 *
 * Stores: as the service's (deployment-config.ts): EVENT_STORE_URL (PostgreSQL or EventStoreDB) or
 * `<DATA_DIR>/events.sqlite`; the read models where the monitor keeps them (read-store-from-env.ts).
 */
import type { EventStore } from '@lib/event-store';
import { MONITOR_COLLECTIONS, employmentMonitorProjector, householdsCollection } from '@lib/application';
import { ProjectionRunner, type ReadStore } from '@lib/read-store';
import { deploymentConfigFromEnv } from '../config/deployment-config';
import { configFromEnv } from '../config/platform-config';
import { MONITOR_READ_MODELS, openReadStore } from '../config/read-store-from-env';
import { eventStoreFactoryFor } from '../event-store/event-store-from-env';
import { formatRebuildReport } from './rebuild-report';

async function openStores(env: NodeJS.ProcessEnv): Promise<{ events: EventStore; reads: ReadStore }> {
  const { dataDir } = configFromEnv(env);
  const deployment = deploymentConfigFromEnv(env);
  const events = await eventStoreFactoryFor(deployment, dataDir)();
  const reads = await openReadStore(deployment, dataDir, MONITOR_READ_MODELS, MONITOR_COLLECTIONS);
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

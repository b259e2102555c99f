/**
 * Crash-test child: the all-in-one platform exactly as `npm start` runs it, but with its event store wrapped
 * so that the process kills itself right after a chosen append is durable (FAULT_INJECT, fault-injection.ts).
 * Usage: node -r ts-node/register/transpile-only -r tsconfig-paths/register test/crash/platform-with-faults.child.ts
 */
import { join } from 'node:path';
import { SqliteEventStore } from '@lib/event-store';
import { configFromEnv } from '../../apps/platform/src/config/platform-config';
import { runPlatformProcess } from '../../apps/platform/src/run-platform';
import { withFaultInjection } from './fault-injection';

const { dataDir } = configFromEnv(process.env);
runPlatformProcess({
  eventStore: () =>
    withFaultInjection(SqliteEventStore.open(join(dataDir, 'events.sqlite')), process.env.FAULT_INJECT),
});

/**
 * Crash-test child: appends to an event store (a SQLite file, or PostgreSQL when given a postgres:// URL)
 * until it is killed, printing one JSON line per
 * acknowledged append (after its promise resolved, i.e. after COMMIT). stdout to a pipe is synchronous
 * on Linux, so a printed line means the acknowledgement really happened before the kill.
 * Usage: node -r ts-node/register/transpile-only test/crash/append-loop.child.ts <db path | postgres URL> [run id]
 */
import { randomUUID } from 'node:crypto';
import type { EventStore, EventToAppend } from '../../libs/event-store/src/event-store.port';
import { PostgresEventStore } from '../../libs/event-store/src/postgres/postgres-event-store';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';

export interface AckLine {
  readonly streamId: string;
  readonly ids: string[];
  readonly firstRevision: number;
  readonly nextExpectedRevision: number;
  readonly position: string;
}

const WRITERS = 4;

function event(writer: number, n: number): EventToAppend {
  return {
    id: randomUUID(),
    type: 'CrashTestAppended',
    version: 1,
    occurredAt: new Date().toISOString(),
    data: { writer, n, padding: 'x'.repeat(n % 7 === 0 ? 4000 : 40) },
    metadata: { actor: `writer-${writer}` },
  };
}

const [target, runId = 'run'] = process.argv.slice(2);

async function writeForever(store: EventStore, writer: number): Promise<void> {
  const streams = [`crash-${runId}-${writer}-a`, `crash-${runId}-${writer}-b`];
  const next: Record<string, number> = {};
  for (let n = 0; ; n++) {
    const streamId = streams[n % streams.length];
    const size = n % 3 === 0 ? 1 + (n % 10) : 1;
    const events = Array.from({ length: size }, (_, i) => event(writer, n * 10 + i));
    const firstRevision = next[streamId] ?? 0;
    const expected = firstRevision === 0 ? 'no_stream' : firstRevision - 1;
    const result = await store.append(streamId, events, expected);
    next[streamId] = result.nextExpectedRevision + 1;
    const ack: AckLine = {
      streamId,
      ids: events.map((e) => e.id),
      firstRevision,
      nextExpectedRevision: result.nextExpectedRevision,
      position: result.position.toString(),
    };
    process.stdout.write(`${JSON.stringify(ack)}\n`);
  }
}

async function main(): Promise<void> {
  const store = /^postgres(ql)?:\/\//.test(target)
    ? await PostgresEventStore.connect(target)
    : SqliteEventStore.open(target);
  process.stdout.write('ready\n');
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writeForever(store, w)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});

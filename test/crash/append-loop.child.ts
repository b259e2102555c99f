/**
 * Crash-test child: appends to a SQLite event store until it is killed, printing one JSON line per
 * acknowledged append (after its promise resolved, i.e. after COMMIT). stdout to a pipe is synchronous
 * on Linux, so a printed line means the acknowledgement really happened before the kill.
 * Usage: node -r ts-node/register/transpile-only test/crash/append-loop.child.ts <db path>
 */
import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../../libs/event-store/src/event-store.port';
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

async function writeForever(store: SqliteEventStore, writer: number): Promise<void> {
  const streams = [`crash-${writer}-a`, `crash-${writer}-b`];
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

const store = SqliteEventStore.open(process.argv[2]);
process.stdout.write('ready\n');
void Promise.all(Array.from({ length: WRITERS }, (_, w) => writeForever(store, w))).catch(
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);

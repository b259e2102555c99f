import { randomUUID } from 'node:crypto';
import {
  SqliteEventStore,
  type EventStore,
  type EventToAppend,
  type Position,
  type RecordedEvent,
} from '@lib/event-store';
import {
  documentChanges,
  type CollectionSpec,
  type ReadStore,
  type ReadStoreWriter,
} from '../read-store.port';
import { SqliteReadStore } from '../sqlite/sqlite-read-store';
import { ProjectionRunner } from './projection-runner';
import type { BatchWriter, Projector, RebuildState } from './projector';

/**
 * The runner's duties with a projector of its own (events counted per stream, keyed by the stream's
 * "group"; and a toy process manager that appends one `Echoed` per `Ping`, so the rebuild's passes and the
 * runner's following of its own appends are exercised). The employment monitor's projector has its own
 * suite in libs/application.
 */
interface StreamCount {
  readonly streamId: string;
  readonly group: string;
  readonly events: number;
}

const counts: CollectionSpec<StreamCount, 'group'> = {
  name: 'stream_counts',
  fields: { group: (d) => d.group },
};
const CHECKPOINT = 'stream-counts';
const groupOf = (streamId: string) => streamId.split('-')[0];

const event = (
  type: string,
  data: Record<string, unknown> = {},
  id: string = randomUUID(),
): EventToAppend => ({
  id,
  type,
  version: 1,
  occurredAt: '2026-05-01T00:00:00.000Z',
  data,
  metadata: {},
});

/** The process manager: a `Ping` asks for one `Echoed` in `echo-<stream>`, with an id derived from the ping. */
const echoesOf = (records: readonly RecordedEvent[]) =>
  records
    .filter((r) => r.type === 'Ping')
    .map((r) => ({ streamId: `echo-${r.streamId}`, event: event('Echoed', {}, `echo-${r.id}`) }));

async function appendEchoes(events: EventStore, records: readonly RecordedEvent[]): Promise<number> {
  let appended = 0;
  for (const { streamId, event: echo } of echoesOf(records)) {
    // Appended once: an echo already in the log (a replay) is left alone.
    if ((await events.readStream(streamId)).some((e) => e.id === echo.id)) continue;
    await events.append(streamId, [echo], 'any');
    appended += 1;
  }
  return appended;
}

function count(docs: Map<string, StreamCount>, record: RecordedEvent): void {
  const before = docs.get(record.streamId);
  docs.set(record.streamId, {
    streamId: record.streamId,
    group: groupOf(record.streamId),
    events: (before?.events ?? 0) + 1,
  });
}

const countingProjector = (recovered: string[] = []): Projector => ({
  checkpointName: CHECKPOINT,
  replaces: ['stream-counts@0'],
  recover: async () => {
    recovered.push('recovered');
  },
  openWriter: ({ events, target }): BatchWriter => ({
    async write(records) {
      const keys = [...new Set(records.map((r) => r.streamId))];
      const docs = await target.load(counts, keys);
      for (const record of records) count(docs, record);
      const position = records[records.length - 1].position;
      await target.applyBatch({
        changes: [documentChanges({ collection: counts, upserts: docs })],
        checkpoint: { name: CHECKPOINT, position },
      });
      await appendEchoes(events, records);
      return { position, changed: new Set(records.map((r) => groupOf(r.streamId))) };
    },
    finish: async () => undefined,
  }),
  startRebuild: (): RebuildState => {
    const docs = new Map<string, StreamCount>();
    const seen: RecordedEvent[] = [];
    let position: Position = 0n;
    return {
      get position() {
        return position;
      },
      apply(record) {
        count(docs, record);
        seen.push(record);
        position = record.position;
      },
      afterPass: (events) => appendEchoes(events, seen.splice(0)),
      write: (target: ReadStoreWriter, checkpointName) =>
        target.applyBatch({
          changes: [documentChanges({ collection: counts, upserts: docs })],
          checkpoint: { name: checkpointName, position },
        }),
    };
  },
});

async function allCounts(store: ReadStore): Promise<Record<string, number>> {
  const page = await store.find(counts, { limit: 1000 });
  return Object.fromEntries(page.items.map((d) => [d.streamId, d.events]));
}

describe('ProjectionRunner', () => {
  let events: SqliteEventStore;
  let reads: SqliteReadStore;
  let runner: ProjectionRunner;
  const recovered: string[] = [];

  beforeEach(() => {
    events = SqliteEventStore.open(':memory:');
    reads = SqliteReadStore.open(':memory:', [counts as never]);
    recovered.length = 0;
    runner = new ProjectionRunner(events, reads, countingProjector(recovered), { batchSize: 2 });
  });
  afterEach(async () => {
    await runner.stop();
    await reads.close();
    await events.close();
  });

  it('recovers, catches up from the checkpoint, follows live and its own appends, in batches', async () => {
    await events.append('a-1', [event('Note'), event('Ping')], 'no_stream');
    await runner.start();
    expect(recovered).toEqual(['recovered']);
    await events.append('b-1', [event('Note'), event('Note'), event('Note')], 'no_stream');
    expect(await runner.waitFor(await events.headPosition(), 5000)).toBe(true);
    // The echo of a-1's ping follows the batch that saw the ping; the runner applies it too.
    const head = await events.headPosition();
    expect(await runner.waitFor(head, 5000)).toBe(true);
    expect(await allCounts(reads)).toEqual({ 'a-1': 2, 'b-1': 3, 'echo-a-1': 1 });
    expect(await reads.checkpoint(CHECKPOINT)).toBe(head);
  });

  it('resumes from its checkpoint after a stop: nothing applied twice', async () => {
    await events.append('a-1', [event('Note'), event('Note')], 'no_stream');
    await runner.start();
    await runner.stop();
    await events.append('a-1', [event('Note')], 1);
    await runner.start();
    expect(await runner.waitFor(await events.headPosition(), 5000)).toBe(true);
    expect(await allCounts(reads)).toEqual({ 'a-1': 3 });
  });

  it('tells listeners what changed under their key, after the commit', async () => {
    await runner.start();
    const changed: string[] = [];
    const stop = runner.onChange('b', (c) => changed.push(`${c.key}@${c.position}`));
    await events.append('a-1', [event('Note')], 'no_stream');
    await events.append('b-1', [event('Note')], 'no_stream');
    expect(await runner.waitFor(await events.headPosition(), 5000)).toBe(true);
    stop();
    await events.append('b-2', [event('Note')], 'no_stream');
    expect(await runner.waitFor(await events.headPosition(), 5000)).toBe(true);
    expect(changed).toEqual(['b@2']);
  });

  it('waitFor answers false for a position never reached', async () => {
    await runner.start();
    await expect(runner.waitFor(99n, 20)).resolves.toBe(false);
  });

  it('rebuilds to what following gave, passing again over what a pass appended, then follows on', async () => {
    await events.append('a-1', [event('Ping'), event('Ping')], 'no_stream');
    await events.append('b-1', [event('Note')], 'no_stream');
    const report = await runner.rebuild();
    // Pass 1 reads 3 events and appends 2 echoes; pass 2 reads the echoes and appends nothing.
    expect(report).toMatchObject({
      events: 5,
      batches: 2,
      appends: 2,
      position: await events.headPosition(),
    });
    const rebuilt = await allCounts(reads);
    expect(rebuilt).toEqual({ 'a-1': 2, 'b-1': 1, 'echo-a-1': 2 });

    const followed = SqliteReadStore.open(':memory:', [counts as never]);
    const follower = new ProjectionRunner(events, followed, countingProjector());
    try {
      await follower.start();
      expect(await allCounts(followed)).toEqual(rebuilt);
      expect((await events.readStream('echo-a-1')).length).toBe(2);
    } finally {
      await follower.stop();
      await followed.close();
    }
  });

  it('rebuilds at start a read store written by a version it replaces', async () => {
    await events.append('a-1', [event('Note'), event('Note')], 'no_stream');
    // A document another version of the projector left, under another checkpoint name.
    await reads.applyBatch({
      changes: [
        documentChanges({
          collection: counts,
          upserts: new Map([['old', { streamId: 'old', group: 'x', events: 9 }]]),
        }),
      ],
      checkpoint: { name: 'stream-counts@0', position: 2n },
    });
    await runner.start();
    expect(await allCounts(reads)).toEqual({ 'a-1': 2 });
    expect(await reads.checkpoint(CHECKPOINT)).toBe(2n);
  });

  it('stops on a failing batch and reports the error', async () => {
    const failing = new ProjectionRunner(
      events,
      reads,
      {
        ...countingProjector(),
        openWriter: () => ({
          write: () => Promise.reject(new Error('disk full')),
          finish: async () => undefined,
        }),
      },
      { batchSize: 1 },
    );
    await events.append('a-1', [event('Note')], 'no_stream');
    await runner.start();
    await runner.stop();
    await events.append('a-1', [event('Note')], 0);
    await expect(failing.start()).rejects.toThrow('disk full');
    expect(failing.running).toBe(false);
    expect(failing.failed).toBeInstanceOf(Error);
    await failing.stop();
  });
});

import { decodeStoredEvent } from '@contracts';
import type { EventStore, Position, RecordedEvent } from '@lib/event-store';
import type { AnyEnvelope } from '@lib/domain/shared/keyed-projection';
import {
  documentChanges,
  findAll,
  type AnyDocumentChanges,
  type BatchOutcome,
  type BatchWriter,
  type ReadStore,
  type ReadStoreWriter,
} from '@lib/read-store';
import { monitorOutboxCollection, type OutboxEntry } from './monitor-collections';
import { appendAll, outboxKeyOf } from './monitor-appender';
import { projectMonitorBatch } from './monitor-batch';

export interface MonitorBatchOutcome extends BatchOutcome {
  /** The counties whose documents the batch changed. */
  readonly changed: ReadonlySet<string>;
  /** Transitions the process manager appended after the commit. */
  readonly appends: number;
}

/**
 * Where a batch leaves a feed that applies the log out of order (the Kafka-fed monitor, see AppliedPositions):
 * the checkpoint to write instead of the batch's last position, which need not be the highest applied, and
 * the documents that say what below it is still pending, written in the batch's transaction.
 */
export interface BatchPlace {
  readonly checkpoint: Position;
  readonly changes: readonly AnyDocumentChanges[];
}

/**
 * Writes event batches into one read store target (the live collections, or a rebuild's), then runs the
 * process manager's appends. Exactly once, crash-safe: a batch's appends go into the outbox collection in
 * the SAME transaction as its documents and checkpoint; after the commit they are appended to the event
 * store and their outbox entries are deleted with the next batch. A crash after the commit leaves them in
 * the outbox and `flushOutbox` appends them at the next start (a repeat is recognised: see appendExactlyOnce).
 */
export class MonitorBatchWriter implements BatchWriter {
  /** Outbox entries already appended, deleted with the next write. */
  private appended: string[] = [];

  constructor(
    private readonly events: EventStore,
    private readonly target: ReadStoreWriter,
    private readonly checkpointName: string,
  ) {}

  /** A batch in the log's order; `place` when the feed's order is not the log's (then its checkpoint is written). */
  async write(records: readonly RecordedEvent[], place?: BatchPlace): Promise<MonitorBatchOutcome> {
    const position = place?.checkpoint ?? records[records.length - 1].position;
    // An event that does not decode stops the read side: skipping it would leave the figures silently wrong.
    const envelopes = records.map((r) => decodeStoredEvent(r) as AnyEnvelope);
    const result = await projectMonitorBatch(envelopes, this.target);
    const outbox = new Map<string, OutboxEntry>(
      result.appends.map((a, seq) => [outboxKeyOf(a), { ...a, seq }]),
    );
    const deletes = this.appended.filter((key) => !outbox.has(key));
    const changes = [...result.changes, ...(place?.changes ?? [])];
    if (outbox.size > 0 || deletes.length > 0) {
      changes.push(documentChanges({ collection: monitorOutboxCollection, upserts: outbox, deletes }));
    }
    await this.target.applyBatch({ changes, checkpoint: { name: this.checkpointName, position } });
    this.appended = [];
    await appendAll(this.events, result.appends);
    this.appended = [...outbox.keys()];
    return { position, changed: result.counties, appends: result.appends.length };
  }

  /** Deletes the outbox entries already appended (at a stop, or before a rebuild's swap). */
  async finish(position: Position): Promise<void> {
    if (this.appended.length === 0) return;
    const deletes = this.appended;
    this.appended = [];
    await this.target.applyBatch({
      changes: [documentChanges({ collection: monitorOutboxCollection, upserts: new Map(), deletes })],
      checkpoint: { name: this.checkpointName, position },
    });
  }
}

/** Appends what a previous run left in the outbox (it crashed between a commit and its appends), then clears it. */
export async function flushOutbox(
  events: EventStore,
  store: ReadStore,
  checkpointName: string,
): Promise<number> {
  const pending: OutboxEntry[] = await findAll(store, monitorOutboxCollection);
  const keys: string[] = [];
  if (pending.length === 0) return 0;
  for (const append of pending) keys.push(outboxKeyOf(append));
  // In the order the batch decided them: each stream's appends go in that order.
  pending.sort((a, b) => a.seq - b.seq);
  await appendAll(events, pending);
  const position = (await store.checkpoint(checkpointName)) ?? 0n;
  await store.applyBatch({
    changes: [documentChanges({ collection: monitorOutboxCollection, upserts: new Map(), deletes: keys })],
    checkpoint: { name: checkpointName, position },
  });
  return pending.length;
}

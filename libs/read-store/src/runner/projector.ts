import type { EventStore, Position, RecordedEvent } from '@lib/event-store';
import type { ReadStore, ReadStoreWriter } from '../read-store.port';

/**
 * What the projection runner drives: the projections of one read model, written in batches as the log is
 * followed, and rebuilt in memory from position 0. The runner owns the subscription, the batching, the
 * checkpoint's place in the write, read-your-writes and the rebuild's passes; the projector owns what the
 * events mean.
 */
export interface Projector {
  /** The checkpoint every batch of this read model is written with: a new version of the projector, a new name. */
  readonly checkpointName: string;
  /**
   * The checkpoint names of the versions this one replaces: a read store that holds one of them (and not this
   * one's) is rebuilt at start, since catching up would mix new documents with the old ones.
   */
  readonly replaces?: readonly string[];
  /** Before following the log: finishes what a crashed run left behind (a process manager's outbox). */
  recover(context: { readonly events: EventStore; readonly store: ReadStore }): Promise<void>;
  /** A writer of batches into `target` (the live collections). */
  openWriter(context: { readonly events: EventStore; readonly target: ReadStoreWriter }): BatchWriter;
  /** The in-memory state of a rebuild from position 0. */
  startRebuild(): RebuildState;
}

export interface BatchOutcome {
  /** The position of the batch's last event, now in the checkpoint. */
  readonly position: Position;
  /** What the batch changed, by key (the employment monitor: county codes), for change listeners. */
  readonly changed: ReadonlySet<string>;
}

export interface BatchWriter {
  /** Applies one batch: documents and checkpoint in one transaction of the target (then whatever follows it). */
  write(records: readonly RecordedEvent[]): Promise<BatchOutcome>;
  /** At a stop: tidies what the last batch left (an outbox's appended entries). */
  finish(position: Position): Promise<void>;
}

export interface RebuildState {
  /** The position of the last event applied. */
  readonly position: Position;
  apply(record: RecordedEvent): void;
  /**
   * After a pass over the log: appends what the pass decided and the log lacks (a process manager's events),
   * answering how many appends it made. The runner reads the log again until a pass appends nothing.
   */
  afterPass(events: EventStore): Promise<number>;
  /** Writes every document and the checkpoint in one transaction of the fresh target. */
  write(target: ReadStoreWriter, checkpointName: string): Promise<void>;
}

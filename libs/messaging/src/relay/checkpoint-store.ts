import type { Position } from '@lib/event-store';
import type { ReadStoreWriter } from '@lib/read-store';

/** Where a log follower (the relay) keeps how far it got, durably, by name. */
export interface CheckpointStore {
  /** The stored position, or undefined when `name` has never saved one. */
  load(name: string): Promise<Position | undefined>;
  /** Resolves once the position is durable. */
  save(name: string, position: Position): Promise<void>;
}

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, Position>();

  async load(name: string): Promise<Position | undefined> {
    return this.positions.get(name);
  }

  async save(name: string, position: Position): Promise<void> {
    this.positions.set(name, position);
  }
}

/**
 * Checkpoints kept in a read store (its checkpoint table or collection: SQLite embedded, MongoDB
 * distributed), written as an empty batch, so the relay needs no storage of its own where a read store runs.
 */
export class ReadStoreCheckpointStore implements CheckpointStore {
  constructor(private readonly store: ReadStoreWriter) {}

  load(name: string): Promise<Position | undefined> {
    return this.store.checkpoint(name);
  }

  save(name: string, position: Position): Promise<void> {
    return this.store.applyBatch({ changes: [], checkpoint: { name, position } });
  }
}

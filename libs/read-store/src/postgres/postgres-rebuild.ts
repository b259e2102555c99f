import type { Pool, PoolClient } from 'pg';
import type { AnyCollection, Batch, CollectionSpec, RebuildTarget } from '../read-store.port';
import { PostgresGeneration, prepareChanges } from './postgres-generation';
import { claimNextGeneration, liveGeneration, withTransaction } from './postgres-meta';
import { META_TABLE, tableIn } from './postgres-sql';

type State = 'filling' | 'swapping' | 'swapped' | 'abandoned' | 'failed';

/**
 * A rebuild: the next generation's tables, filled through the pool while queries keep reading the live ones.
 * It holds one connection of its own for its whole life, the session that holds the generation's advisory
 * lock (see postgres-meta.ts); the swap and the abandon run on it, and it is closed (never pooled again, so
 * the lock goes with it) when they end.
 */
export class PostgresRebuild implements RebuildTarget {
  private state: State = 'filling';
  private released = false;

  private constructor(
    private readonly pool: Pool,
    private readonly session: PoolClient,
    readonly target: PostgresGeneration,
    private readonly ended: (rebuild: PostgresRebuild, swapped: boolean) => void,
  ) {}

  /** Claims the next generation and creates its tables, their indexes deferred to the swap. */
  static async begin(
    pool: Pool,
    schema: string,
    collections: ReadonlyMap<string, AnyCollection>,
    ended: (rebuild: PostgresRebuild, swapped: boolean) => void,
  ): Promise<PostgresRebuild> {
    const session = await pool.connect();
    // The session idles while the rebuild reads the log: a connection lost meanwhile fails the swap instead.
    session.on('error', () => undefined);
    try {
      const generation = await claimNextGeneration(session, schema);
      const target = new PostgresGeneration(schema, generation, collections);
      await withTransaction(session, (client) => target.createTables(client, { indexes: false }));
      return new PostgresRebuild(pool, session, target, ended);
    } catch (error) {
      session.release(true);
      throw error;
    }
  }

  load<TDoc>(collection: CollectionSpec<TDoc, string>, keys: readonly string[]): Promise<Map<string, TDoc>> {
    return this.target.load(this.pool, collection, keys);
  }

  checkpoint(name: string): Promise<bigint | undefined> {
    return this.target.checkpoint(this.pool, name);
  }

  async applyBatch(batch: Batch): Promise<void> {
    this.assertFilling();
    const changes = prepareChanges(batch);
    await withTransaction(this.pool, (client) => this.target.write(client, changes, batch.checkpoint));
  }

  /**
   * Builds the deferred indexes, then in one transaction makes the generation live and drops the one it
   * replaces (whichever is live then, if another process swapped meanwhile). A failed swap drops what it can of
   * the rebuild (the next start drops the rest), and an abandon after it does nothing.
   */
  async swap(): Promise<void> {
    this.assertFilling();
    this.state = 'swapping';
    const { schema, generation } = this.target;
    try {
      await this.target.createIndexes(this.session);
      await withTransaction(this.session, async (client) => {
        const old = await liveGeneration(client, schema, 'FOR UPDATE');
        await client.query(
          `UPDATE ${tableIn(schema, META_TABLE)} SET value = $1 WHERE name = 'live_generation'`,
          [generation],
        );
        await new PostgresGeneration(schema, old, new Map()).drop(client);
      });
      this.state = 'swapped';
    } catch (error) {
      this.state = 'failed';
      await withTransaction(this.session, (client) => this.target.drop(client)).catch(() => undefined);
      throw error;
    } finally {
      this.release();
    }
  }

  async abandon(): Promise<void> {
    if (this.state === 'failed') return;
    this.assertFilling();
    this.state = 'abandoned';
    try {
      await withTransaction(this.session, (client) => this.target.drop(client));
    } finally {
      this.release();
    }
  }

  /** Closes the session (and so frees the generation's lock); its tables stay for the next start to drop. */
  release(): void {
    if (this.released) return;
    this.released = true;
    if (this.state === 'filling') this.state = 'abandoned';
    this.session.release(true);
    this.ended(this, this.state === 'swapped');
  }

  private assertFilling(): void {
    if (this.state !== 'filling') throw new Error('This rebuild is no longer under way');
  }
}

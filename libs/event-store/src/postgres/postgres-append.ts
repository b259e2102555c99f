import type { PoolClient } from 'pg';
import { idempotencyConflict as conflict, NO_STREAM, revisionMatches, startMatches } from '../append-rules';
import {
  AppendResult,
  EventToAppend,
  ExpectedRevision,
  START,
  WrongExpectedVersion,
} from '../event-store.port';

/** Attempts of one append that lost a race on a unique index (each sees the winner committed). */
const ATTEMPTS = 3;

/** The advisory lock every append of one schema takes while it is given its positions (ADR 0010). */
export const positionLockKey = (schema: string): string => `relocation-event-positions:${schema}`;

/** The advisory lock of one stream, held by an append until its COMMIT. */
const streamLockKey = (schema: string, streamId: string): string =>
  `relocation-event-stream:${schema}:${streamId}`;

export interface PostgresAppendRequest {
  readonly streamId: string;
  readonly events: readonly EventToAppend[];
  readonly expectedRevision: ExpectedRevision;
}

/**
 * The connection could not be rolled back or could not let the position lock go: it must not go back to the
 * pool (closing it ends its transaction and releases its locks on the server).
 */
export class ConnectionUnusable extends Error {
  constructor(override readonly cause: unknown) {
    super(`The connection failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'ConnectionUnusable';
  }
}

/** A test's hook between the insert and the COMMIT: holds a transaction that took its positions open. */
export type BeforeCommit = (request: PostgresAppendRequest) => Promise<void>;

/**
 * One append, one transaction, on a client of the pool. The order matters (ADR 0010):
 *
 * 1. take the stream's lock (transaction-level: held until COMMIT), so appends to one stream follow each
 *    other and a writer never waits for another's commit while it holds the position lock below;
 * 2. take the schema's position lock (session-level, so it can be let go before the COMMIT);
 * 3. check the expected revision, or recognise a retried append by its event ids;
 * 4. take a block of positions and insert: the transaction's first writes (the sequence's assigns its
 *    transaction id), so its transaction id and its positions are both taken under the position lock, and
 *    transaction-id order is position order across appends;
 * 5. let the position lock go, then COMMIT: the fsync of one append does not hold back the next one.
 *
 * A reader of the global log reads only rows of transactions older than every running one, so it can never
 * pass a position that a transaction still running holds.
 */
export class PostgresAppendWriter {
  constructor(
    private readonly schema: string,
    private readonly beforeCommit?: BeforeCommit,
  ) {}

  async append(client: PoolClient, request: PostgresAppendRequest): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(client, request);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        if (attempt >= ATTEMPTS) throw conflict(request.streamId);
      }
    }
  }

  private async attempt(client: PoolClient, request: PostgresAppendRequest): Promise<AppendResult> {
    let locked = false;
    try {
      // BEGIN and the stream's lock in one round trip (a simple query: no parameters, the key as a literal).
      const streamKey = client.escapeLiteral(streamLockKey(this.schema, request.streamId));
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${streamKey}, 0))`);
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [positionLockKey(this.schema)]);
      locked = true;
      const result = await this.write(client, request);
      await this.unlock(client);
      locked = false;
      if (result.inserted) await this.beforeCommit?.(request);
      await client.query('COMMIT');
      return result.append;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
        if (locked) await this.unlock(client);
      } catch (cleanup) {
        throw new ConnectionUnusable(cleanup);
      }
      throw error;
    }
  }

  private async unlock(client: PoolClient): Promise<void> {
    await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [positionLockKey(this.schema)]);
  }

  private async write(
    client: PoolClient,
    request: PostgresAppendRequest,
  ): Promise<{ append: AppendResult; inserted: boolean }> {
    const { streamId, events, expectedRevision } = request;
    const current = await this.currentRevision(client, streamId);
    if (!revisionMatches(expectedRevision, current)) {
      const prior = await this.findPriorWrite(client, request);
      if (prior.kind === 'same' && startMatches(expectedRevision, prior.firstRevision)) {
        return { append: prior.result, inserted: false };
      }
      if (prior.kind === 'elsewhere') throw conflict(streamId);
      throw new WrongExpectedVersion(
        streamId,
        expectedRevision,
        current === NO_STREAM ? 'no_stream' : current,
      );
    }
    if (events.length === 0)
      return { append: await this.emptyResult(client, streamId, current), inserted: false };
    if (expectedRevision === 'any') {
      const prior = await this.findPriorWrite(client, request);
      if (prior.kind === 'same') return { append: prior.result, inserted: false };
      if (prior.kind === 'elsewhere') throw conflict(streamId);
    }
    const n = events.length;
    // A block of n positions: nobody else takes positions while this append holds the lock.
    const block = await client.query<{ first: string }>(
      `SELECT setval('${this.schema}.events_position', nextval('${this.schema}.events_position') + $1 - 1) - $1 + 1 AS first`,
      [n],
    );
    const first = BigInt(block.rows[0].first);
    await client.query(
      `INSERT INTO ${this.schema}.events
         (position, stream_id, revision, event_id, type, version, occurred_at, data, metadata)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[],
                            $8::jsonb[], $9::jsonb[])`,
      [
        events.map((_, i) => (first + BigInt(i)).toString()),
        events.map(() => streamId),
        events.map((_, i) => current + 1 + i),
        events.map((e) => e.id),
        events.map((e) => e.type),
        events.map((e) => e.version),
        events.map((e) => e.occurredAt),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => JSON.stringify(e.metadata)),
      ],
    );
    return {
      append: { nextExpectedRevision: current + n, position: first + BigInt(n - 1) },
      inserted: true,
    };
  }

  private async currentRevision(client: PoolClient, streamId: string): Promise<number> {
    const { rows } = await client.query<{ r: number | null }>(
      `SELECT max(revision) AS r FROM ${this.schema}.events WHERE stream_id = $1`,
      [streamId],
    );
    return rows[0].r ?? NO_STREAM;
  }

  private async emptyResult(client: PoolClient, streamId: string, current: number): Promise<AppendResult> {
    if (current === NO_STREAM) return { nextExpectedRevision: NO_STREAM, position: START };
    const { rows } = await client.query<{ position: string }>(
      `SELECT position FROM ${this.schema}.events WHERE stream_id = $1 AND revision = $2`,
      [streamId, current],
    );
    return { nextExpectedRevision: current, position: BigInt(rows[0].position) };
  }

  /** Whether these exact events were already appended, in order, to this stream (a retried append). */
  private async findPriorWrite(
    client: PoolClient,
    { streamId, events }: PostgresAppendRequest,
  ): Promise<PriorWrite> {
    if (events.length === 0) return { kind: 'none' };
    const { rows } = await client.query<{
      event_id: string;
      stream_id: string;
      revision: number;
      position: string;
    }>(
      `SELECT event_id, stream_id, revision, position FROM ${this.schema}.events WHERE event_id = ANY($1::text[])`,
      [events.map((e) => e.id)],
    );
    if (rows.length === 0) return { kind: 'none' };
    if (rows.length !== events.length) return { kind: 'elsewhere' };
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const found = events.map((e) => byId.get(e.id));
    const firstRevision = found[0]?.revision ?? -1;
    const inPlace = found.every(
      (row, i) => row?.stream_id === streamId && row.revision === firstRevision + i,
    );
    if (!inPlace) return { kind: 'elsewhere' };
    const last = found[found.length - 1];
    return {
      kind: 'same',
      firstRevision,
      result: {
        nextExpectedRevision: firstRevision + events.length - 1,
        position: BigInt(last?.position ?? 0),
      },
    };
  }
}

type PriorWrite =
  { kind: 'none' } | { kind: 'elsewhere' } | { kind: 'same'; firstRevision: number; result: AppendResult };

/**
 * A unique violation means a concurrent append committed first: on (stream_id, revision) another write to
 * this stream, on event_id the same ids (a retry racing its original). The next attempt sees it committed
 * and decides again: WrongExpectedVersion with the real revision, a replayed result, or (expected 'any')
 * the append on top.
 */
const isUniqueViolation = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';

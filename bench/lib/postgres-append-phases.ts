/**
 * Where a PostgreSQL append's time goes: the store's own append writer (ADR 0010) on connections whose
 * queries are timed as the writer sees them, with 1 and 8 concurrent writers. The phases: waiting for the
 * schema's position lock, holding it (check, positions, insert, unlock: what every append of the schema
 * takes in turn), and COMMIT (the WAL flush).
 */
import { Pool, type PoolClient } from 'pg';
import { PostgresEventStore } from '@lib/event-store/postgres';
import { PostgresAppendWriter, type PostgresAppendRequest } from '@lib/event-store/postgres/postgres-append';
import type { ExpectedRevision } from '@lib/event-store';
import type { TestDatabase } from '@lib/testing';
import { median, percentile } from './bench-report';
import { dropSchema } from './postgres-bench';
import { sampleBatches } from './store-workload';

/** Per append, in ms: lock wait, lock held, COMMIT, and the whole append (BEGIN to COMMIT's answer). */
export interface Phases {
  readonly lockWait: number[];
  readonly lockHeld: number[];
  readonly commit: number[];
  readonly whole: number[];
}

const elapsedMs = (from: bigint, to: bigint): number => Number(to - from) / 1e6;

/** A pool client whose queries record the phases of each append into `phases`. */
function timedClient(client: PoolClient, phases: Phases): PoolClient {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  let asked = 0n;
  let locked = 0n;
  const timed = async (...args: unknown[]): Promise<unknown> => {
    const text = typeof args[0] === 'string' ? args[0] : '';
    const before = process.hrtime.bigint();
    const result = await query(...args);
    const after = process.hrtime.bigint();
    if (text.includes('pg_advisory_lock(')) {
      asked = before;
      locked = after;
    } else if (text.includes('pg_advisory_unlock(')) {
      phases.lockWait.push(elapsedMs(asked, locked));
      phases.lockHeld.push(elapsedMs(locked, after));
    } else if (text === 'COMMIT') phases.commit.push(elapsedMs(before, after));
    return result;
  };
  return new Proxy(client, { get: (target, key) => (key === 'query' ? timed : Reflect.get(target, key)) });
}

/** One round: `appends` one-event appends by `writers` writers, each to a stream of its own, in `schema`. */
export async function phasesRound(
  database: TestDatabase,
  schema: string,
  writers: number,
  appends: number,
): Promise<Phases> {
  // The store creates the schema as the service would; the writer then runs on connections of our own.
  await (await PostgresEventStore.connect(database.url, { schema })).close();
  const pool = new Pool({ connectionString: database.url, max: writers });
  const writer = new PostgresAppendWriter(schema);
  const phases: Phases = { lockWait: [], lockHeld: [], commit: [], whole: [] };
  try {
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        const client = await pool.connect();
        try {
          const timedOne = timedClient(client, phases);
          let expected: ExpectedRevision = 'no_stream';
          for (const events of sampleBatches(appends / writers, 1)) {
            const request: PostgresAppendRequest = {
              streamId: `writer-${w}`,
              events,
              expectedRevision: expected,
            };
            const started = process.hrtime.bigint();
            expected = (await writer.append(timedOne, request)).nextExpectedRevision;
            phases.whole.push(elapsedMs(started, process.hrtime.bigint()));
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
    await dropSchema(database.url, schema);
  }
  return phases;
}

export interface PhaseFigures {
  readonly writers: number;
  /** p50 and p99 in ms, medians over the rounds. */
  readonly lockWait: [number, number];
  readonly lockHeld: [number, number];
  readonly commit: [number, number];
  readonly whole: [number, number];
  /** Mean time the lock was held per append (ms): its inverse bounds the appends/s of one schema. */
  readonly meanHeld: number;
}

/** The medians over the rounds of each round's percentiles, per number of writers. */
export function phaseFigures(rounds: ReadonlyMap<number, readonly Phases[]>): PhaseFigures[] {
  const both = (list: readonly Phases[], pick: (p: Phases) => number[]): [number, number] => [
    median(list.map((p) => percentile(pick(p), 0.5))),
    median(list.map((p) => percentile(pick(p), 0.99))),
  ];
  return [...rounds].map(([writers, list]) => ({
    writers,
    lockWait: both(list, (p) => p.lockWait),
    lockHeld: both(list, (p) => p.lockHeld),
    commit: both(list, (p) => p.commit),
    whole: both(list, (p) => p.whole),
    meanHeld: median(list.map((p) => p.lockHeld.reduce((a, b) => a + b, 0) / p.lockHeld.length)),
  }));
}

import type { Pool } from 'pg';
import type { Position, RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, READABLE, rowToEvent, type EventRow } from './postgres-schema';

export interface LogPage {
  /** The readable events after the position asked for, in order. */
  readonly events: RecordedEvent[];
  /** The first committed event that is not readable yet (an older transaction still runs), if any. */
  readonly pending?: Position;
}

/**
 * How long a one-shot read waits for what was committed before it began to become readable. Past it the read
 * fails rather than end short: a caller must not take a log with a hole held back for the whole log.
 */
const SETTLE_LIMIT_MS = 30_000;
const SETTLE_STEP_MS = 5;

/**
 * The one read path of the global log. A page is cut at the first row not readable yet: readable rows form
 * a prefix of the log (ADR 0010), so everything after that row waits too.
 */
export class PostgresPageReader {
  private readonly sql: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.sql = `SELECT ${EVENT_COLUMNS}, ${READABLE} AS readable FROM ${schema}.events
                 WHERE position > $1 ORDER BY position LIMIT $2`;
    this.headSql = `SELECT max(position) AS position FROM ${schema}.events`;
  }

  private readonly headSql: string;

  async readPage(afterPosition: Position, limit: number): Promise<LogPage> {
    const { rows } = await this.pool.query<EventRow & { readable: boolean }>(this.sql, [
      afterPosition.toString(),
      limit,
    ]);
    const events: RecordedEvent[] = [];
    for (const row of rows) {
      if (!row.readable) return { events, pending: BigInt(row.position) };
      events.push(rowToEvent(row));
    }
    return { events };
  }

  /**
   * Pages of at most `pageSize`, `limit` events in all, up to the end of the log as it was committed when
   * the read began: a row committed by then but held back by a running transaction is waited for (briefly;
   * transactions are short), so a caller reads what it wrote; past SETTLE_LIMIT_MS the read fails.
   */
  async *pages(
    afterPosition: Position,
    pageSize: number,
    limit: number,
  ): AsyncGenerator<readonly RecordedEvent[]> {
    const { rows } = await this.pool.query<{ position: string | null }>(this.headSql);
    const committedHead = rows[0].position === null ? 0n : BigInt(rows[0].position);
    const settleBy = Date.now() + SETTLE_LIMIT_MS;
    let last = afterPosition;
    let remaining = limit;
    while (remaining > 0) {
      const want = Math.min(pageSize, remaining);
      const page = await this.readPage(last, want);
      if (page.events.length > 0) {
        yield page.events;
        last = page.events[page.events.length - 1].position;
        remaining -= page.events.length;
      }
      if (page.events.length === want) continue;
      if (page.pending === undefined || page.pending > committedHead) return;
      if (Date.now() > settleBy) {
        throw new Error(
          `The global log's position ${page.pending} was committed but is not readable after ${SETTLE_LIMIT_MS / 1000} s: ` +
            'a transaction older than it is still running on the server (ADR 0010; idle_in_transaction_session_timeout)',
        );
      }
      await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    }
  }
}

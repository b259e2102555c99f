import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { decodeStoredEvent } from '@contracts';
import type { EventStore, Position, RecordedEvent } from '@lib/event-store';
import { MonitorFeed } from './monitor-feed';
import { EVENT_STORE } from '../event-store/event-store.module';
import { MonitorQueries } from './monitor-queries';

/** A case that opened or cleared in the county, as the stream reports it (ids only, no personal data). */
export interface CaseChange {
  readonly type: 'case_opened' | 'case_cleared';
  readonly householdId: string;
  readonly openedAt: string;
  readonly clearedAt: string | null;
  readonly position: string;
}

/** One committed change of a county: its figures after the change, and the cases it opened or cleared. */
export interface CountyUpdate {
  readonly position: Position;
  readonly figures: Awaited<ReturnType<MonitorQueries['regionEmployment']>>;
  readonly cases: readonly CaseChange[];
}

type Listener = (update: CountyUpdate) => void;

interface CountyFeed {
  readonly listeners: Set<Listener>;
  /** The log has been scanned for this county's case events up to here. */
  scanned: Position;
  chain: Promise<void>;
  unsubscribe: () => void;
}

const CASE_EVENTS = new Set(['ZeroEmploymentCaseOpened', 'ZeroEmploymentCaseCleared']);
const SCAN_PAGE = 500;

/**
 * Turns the runner's "county X changed at position P" into updates for the county's event-stream clients:
 * the figures are read once per change and the log between the last change and P is scanned once for the
 * county's case events, however many clients watch the county. Changes of one county are handled in order.
 */
@Injectable()
export class CountyChangeFeed implements BeforeApplicationShutdown {
  private readonly logger = new Logger('CountyChangeFeed');
  private readonly feeds = new Map<string, CountyFeed>();
  private readonly closers = new Set<() => void>();

  constructor(
    private readonly runner: MonitorFeed,
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly queries: MonitorQueries,
  ) {}

  /** Calls `listener` after every committed change of the county; returns the unsubscribe. */
  subscribe(countyCode: string, listener: Listener): () => void {
    let feed = this.feeds.get(countyCode);
    if (!feed) {
      const created: CountyFeed = {
        listeners: new Set(),
        scanned: this.runner.position(),
        chain: Promise.resolve(),
        unsubscribe: () => undefined,
      };
      created.unsubscribe = this.runner.onChange(countyCode, ({ position }) => {
        created.chain = created.chain
          .then(() => this.publish(countyCode, created, position))
          .catch((error: unknown) =>
            this.logger.error(`County ${countyCode} update failed: ${(error as Error).message}`),
          );
      });
      this.feeds.set(countyCode, created);
      feed = created;
    }
    const current = feed;
    current.listeners.add(listener);
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && this.feeds.get(countyCode) === current) {
        current.unsubscribe();
        this.feeds.delete(countyCode);
      }
    };
  }

  /** How many clients follow a county (0 once they have all disconnected). */
  listeners(countyCode: string): number {
    return this.feeds.get(countyCode)?.listeners.size ?? 0;
  }

  /** Registers how to end an open stream at shutdown (an open response would keep the server from closing). */
  onShutdown(close: () => void): () => void {
    this.closers.add(close);
    return () => this.closers.delete(close);
  }

  beforeApplicationShutdown(): void {
    for (const close of [...this.closers]) close();
    this.closers.clear();
  }

  private async publish(countyCode: string, feed: CountyFeed, position: Position): Promise<void> {
    if (position <= feed.scanned || feed.listeners.size === 0) return;
    const cases = await this.caseChanges(countyCode, feed.scanned, position);
    feed.scanned = position;
    const figures = await this.queries.regionEmployment('county', countyCode);
    const update: CountyUpdate = { position, figures, cases };
    for (const listener of [...feed.listeners]) listener(update);
  }

  /** The county's case events in (after, upTo]: for an update, or for a client catching up. */
  async caseChanges(countyCode: string, after: Position, upTo: Position): Promise<CaseChange[]> {
    const out: CaseChange[] = [];
    let from = after;
    for (;;) {
      let read = 0;
      let last: RecordedEvent | undefined;
      for await (const event of this.events.readAll(from, SCAN_PAGE)) {
        read += 1;
        last = event;
        if (event.position > upTo) break;
        if (CASE_EVENTS.has(event.type)) {
          const change = caseChangeOf(event, countyCode);
          if (change) out.push(change);
        }
      }
      if (!last || read < SCAN_PAGE || last.position >= upTo) return out;
      from = last.position;
    }
  }
}

function caseChangeOf(event: RecordedEvent, countyCode: string): CaseChange | undefined {
  const decoded = decodeStoredEvent(event);
  if (decoded.type === 'ZeroEmploymentCaseOpened' && decoded.data.countyCode === countyCode) {
    const { householdId, openedAt } = decoded.data;
    return {
      type: 'case_opened',
      householdId,
      openedAt,
      clearedAt: null,
      position: event.position.toString(),
    };
  }
  if (decoded.type === 'ZeroEmploymentCaseCleared' && decoded.data.countyCode === countyCode) {
    const { householdId, openedAt, clearedAt } = decoded.data;
    return { type: 'case_cleared', householdId, openedAt, clearedAt, position: event.position.toString() };
  }
  return undefined;
}

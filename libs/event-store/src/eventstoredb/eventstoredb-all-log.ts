/**
 * Reading the global log ($all) for the port. v6's `readAll` has no server-side filter, so system events
 * ($-prefixed type or stream: $stats every 30 s, stream metadata, ...) are read and dropped here.
 */
import { BACKWARDS, END, FORWARDS, type EventStoreDBClient, type ReadPosition } from '@eventstore/db-client';
import { START, type Position, type RecordedEvent } from '../event-store.port';
import {
  fromEsdbEvent,
  fromEsdbPosition,
  isSystemEvent,
  toEsdbPosition,
  toEsdbReadPosition,
} from './eventstoredb-mapping';

/**
 * Events strictly after `afterPosition`, one page per server read of `pageSize` entries (system events
 * dropped, so a page may be shorter; an empty one is not yielded); at most `limit` events in all.
 */
export async function* readAllPagesAfter(
  client: EventStoreDBClient,
  afterPosition: Position,
  pageSize: number,
  limit = Number.POSITIVE_INFINITY,
): AsyncGenerator<readonly RecordedEvent[]> {
  let last = afterPosition;
  let delivered = 0;
  while (delivered < limit) {
    // $all reads include fromPosition: the event at `last` comes back and is skipped.
    const read = client.readAll({
      fromPosition: toEsdbReadPosition(last),
      maxCount: pageSize,
      direction: FORWARDS,
    });
    const page: RecordedEvent[] = [];
    let seen = 0;
    let exhausted = false;
    try {
      for await (const resolved of read) {
        seen += 1;
        const event = resolved.event;
        if (event === undefined || event.position.commit <= last) continue;
        if (isSystemEvent(event)) {
          last = event.position.commit;
          continue;
        }
        last = fromEsdbPosition(event.position);
        page.push(fromEsdbEvent(event, last));
        if (delivered + page.length >= limit) break;
      }
      exhausted = delivered + page.length < limit;
    } finally {
      // Stopped at the limit (or failed) before the server finished the read: end it.
      if (!exhausted) await read.cancel();
    }
    delivered += page.length;
    if (page.length > 0) yield page;
    if (seen < pageSize) return;
  }
}

/** The position of the last non-system event: a backward scan that usually ends in its first page. */
export async function findHeadPosition(client: EventStoreDBClient, pageSize: number): Promise<Position> {
  let from: ReadPosition = END;
  let lowest: bigint | undefined;
  for (;;) {
    let seen = 0;
    const page = client.readAll({ fromPosition: from, maxCount: pageSize, direction: BACKWARDS });
    try {
      for await (const resolved of page) {
        seen += 1;
        const event = resolved.event;
        if (event === undefined || (lowest !== undefined && event.position.commit >= lowest)) continue;
        lowest = event.position.commit;
        if (!isSystemEvent(event)) return fromEsdbPosition(event.position);
      }
    } finally {
      await page.cancel();
    }
    if (seen < pageSize || lowest === undefined) return START;
    from = toEsdbPosition(lowest);
  }
}

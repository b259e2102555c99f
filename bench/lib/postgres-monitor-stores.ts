/**
 * The employment monitor's stores on PostgreSQL where the service keeps them when EVENT_STORE_URL names a
 * database: the events in its `public` schema, the read models in `monitor_read_models`
 * (apps/platform/src/config/read-store-from-env.ts), so `npm run projections:rebuild` finds them too.
 */
import { MONITOR_COLLECTIONS } from '@lib/application';
import { START, type EventStore, type RecordedEvent } from '@lib/event-store';
import { PostgresEventStore } from '@lib/event-store/postgres';
import { PostgresReadStore } from '@lib/read-store';
import { withPg } from './postgres-bench';

export const MONITOR_READ_SCHEMA = 'monitor_read_models';

export interface PostgresMonitorStores {
  readonly events: PostgresEventStore;
  readonly reads: PostgresReadStore;
  close(): Promise<void>;
}

export async function openPostgresMonitorStores(url: string): Promise<PostgresMonitorStores> {
  const events = await PostgresEventStore.connect(url);
  const reads = await PostgresReadStore.connect(url, MONITOR_COLLECTIONS, { schema: MONITOR_READ_SCHEMA });
  return {
    events,
    reads,
    async close() {
      await reads.close();
      await events.close();
    },
  };
}

const COPY_ROWS = 5000;

/**
 * Copies every event of `from`, in position order and with its position, stream, revision and id, into the
 * events table of the PostgreSQL store at `url` (created by `openPostgresMonitorStores`), in transactions of
 * 5,000 rows one after the other: setup, faster than appending again. Transaction-id order stays position
 * order (ADR 0010); the sequence is moved past the last position, so later appends follow it.
 */
export async function copyLog(from: EventStore, url: string): Promise<number> {
  return withPg(url, async (client) => {
    let copied = 0;
    let rows: RecordedEvent[] = [];
    const flush = async (): Promise<void> => {
      if (rows.length === 0) return;
      await client.query(
        `INSERT INTO public.events
           (position, stream_id, revision, event_id, type, version, occurred_at, data, metadata)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::text[], $6::int[],
                              $7::text[], $8::jsonb[], $9::jsonb[])`,
        [
          rows.map((e) => e.position.toString()),
          rows.map((e) => e.streamId),
          rows.map((e) => e.revision),
          rows.map((e) => e.id),
          rows.map((e) => e.type),
          rows.map((e) => e.version),
          rows.map((e) => e.occurredAt),
          rows.map((e) => JSON.stringify(e.data)),
          rows.map((e) => JSON.stringify(e.metadata)),
        ],
      );
      copied += rows.length;
      rows = [];
    };
    for await (const page of from.readAllPages(START, COPY_ROWS)) {
      rows.push(...page);
      if (rows.length >= COPY_ROWS) await flush();
    }
    await flush();
    await client.query(`SELECT setval('public.events_position', (SELECT max(position) FROM public.events))`);
    return copied;
  });
}

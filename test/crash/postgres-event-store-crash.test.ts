/**
 * Kills a process that is appending to the PostgreSQL event store with SIGKILL at random moments, then checks
 * that every append it acknowledged is stored whole, at its revisions and position, that each stream's
 * revisions follow on, and that the position lock the killed process may have held does not stop the next
 * writer (the server ends a dead connection's session and its locks).
 */
import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@lib/event-store';
import { PostgresEventStore } from '@lib/event-store/postgres';
import { describeWithPostgres } from '@lib/testing';
import { checkAcknowledged, checkRevisions, runAndKill } from './kill-and-check';

const ITERATIONS = 3;

describeWithPostgres('PostgreSQL event store under kill -9', (databaseUrl) => {
  it(`keeps every acknowledged append over ${ITERATIONS} kills at random moments`, async () => {
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const runId = `${iteration}-${randomUUID().slice(0, 8)}`;
      const acks = await runAndKill(
        databaseUrl(),
        20 + Math.floor(Math.random() * 200),
        Math.floor(Math.random() * 300),
        runId,
      );
      expect(acks.length).toBeGreaterThan(20);

      const store = await PostgresEventStore.connect(databaseUrl());
      try {
        // The next writer is not held by a lock of the killed one.
        const next = await store.append(`after-kill-${runId}`, [
          { id: randomUUID(), type: 'AfterKill', version: 1, occurredAt: new Date().toISOString(), data: {}, metadata: {} },
        ], 'no_stream'); // prettier-ignore
        const events: RecordedEvent[] = [];
        for await (const event of store.readAll())
          if (event.streamId.startsWith(`crash-${runId}-`)) events.push(event);
        checkRevisions(events);
        checkAcknowledged(acks, events);
        expect(events.length).toBeGreaterThanOrEqual(acks.reduce((sum, ack) => sum + ack.ids.length, 0));
        expect(next.position > events[events.length - 1].position).toBe(true);
      } finally {
        await store.close();
      }
    }
  }, 120_000);
});

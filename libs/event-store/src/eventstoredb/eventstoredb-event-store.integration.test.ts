/**
 * The shared event store contract against a real EventStoreDB / KurrentDB node, e.g.
 * `EVENTSTORE_URL=esdb://localhost:2113?tls=false npm run test:integration` (docs/INTEGRATION.md).
 * Without EVENTSTORE_URL it skips itself, visibly and by condition.
 */
import type { EventStore } from '../event-store.port';
import { describeEventStoreContract } from '../testing/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { describeSkippedSuite } from '@lib/testing';

const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', {
    create: async () => EventStoreDbEventStore.fromConnectionString(url),
    // The server keeps everything; a new client over the same node is the "restart" we can make here.
    reopen: async (store: EventStore) => {
      await store.close();
      return EventStoreDbEventStore.fromConnectionString(url);
    },
  });
} else {
  describeSkippedSuite('EventStoreDB contract suite', 'EVENTSTORE_URL');
}

/**
 * The shared bus contract against a real Kafka cluster, e.g.
 * `KAFKA_BROKERS=localhost:9092 npm run test:integration`. Topics and groups are named per test, so it can
 * run against a shared cluster. Without KAFKA_BROKERS it skips itself, visibly and by condition.
 */
import { describeEventBusContract } from '../testing/event-bus.contract';
import { KafkaEventBus } from './kafka-event-bus';
import { describeSkippedSuite } from '@lib/testing';

const brokers = process.env.KAFKA_BROKERS;

if (brokers) {
  describeEventBusContract('Kafka', {
    create: async () =>
      new KafkaEventBus({
        brokers: brokers.split(',').map((b) => b.trim()),
        clientId: 'bus-contract',
        partitions: 3,
        replicationFactor: Number(process.env.KAFKA_REPLICATION_FACTOR ?? -1),
        // Short session and heartbeat: the suite's consumers join and leave groups many times.
        sessionTimeoutMs: 10_000,
        heartbeatIntervalMs: 1_000,
      }),
    timeoutMs: 60_000,
  });
} else {
  describeSkippedSuite('Kafka bus contract suite', 'KAFKA_BROKERS');
}

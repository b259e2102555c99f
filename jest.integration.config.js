// Contract suites against real servers (EventStoreDB, Kafka, MongoDB). Each suite skips itself with a
// printed reason when its URL (EVENTSTORE_URL, KAFKA_BROKERS, MONGO_URL) is not set.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testMatch: ['**/*.integration.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 120000,
};

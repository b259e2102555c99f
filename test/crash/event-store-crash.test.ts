/**
 * Kills a process that is appending to the SQLite event store with SIGKILL at a random moment, then
 * checks that every append it acknowledged is in the file, in order, with its revisions and positions,
 * that the file passes `PRAGMA integrity_check`, and that positions are gapless and increasing.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@lib/event-store';
import { checkAcknowledged, checkRevisions, runAndKill } from './kill-and-check';

const ITERATIONS = 5;
const directory = mkdtempSync(join(tmpdir(), 'event-store-crash-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function checkFile(path: string): void {
  const db = new Database(path);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  db.close();
}

async function readEverything(path: string): Promise<RecordedEvent[]> {
  const store = SqliteEventStore.open(path);
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll()) events.push(event);
  await store.close();
  return events;
}

function checkLog(events: readonly RecordedEvent[]): void {
  // SQLite's positions are rowids: gapless.
  expect(events.map((event) => event.position)).toEqual(events.map((_, i) => BigInt(i + 1)));
  checkRevisions(events);
}

describe('SQLite event store under kill -9', () => {
  it(`keeps every acknowledged append, in order, over ${ITERATIONS} kills at random moments`, async () => {
    for (let iteration = 0; iteration < ITERATIONS; iteration++) {
      const path = join(directory, `crash-${iteration}.db`);
      const acks = await runAndKill(
        path,
        20 + Math.floor(Math.random() * 200),
        Math.floor(Math.random() * 300),
      );
      expect(acks.length).toBeGreaterThan(20);

      checkFile(path);
      const events = await readEverything(path);
      checkLog(events);
      checkAcknowledged(acks, events);
      const acknowledgedEvents = acks.reduce((sum, ack) => sum + ack.ids.length, 0);
      expect(events.length).toBeGreaterThanOrEqual(acknowledgedEvents);
    }
  }, 60_000);
});

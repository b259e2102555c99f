/**
 * Kills a process that is appending to the SQLite event store with SIGKILL at a random moment, then
 * checks that every append it acknowledged is in the file, in order, with its revisions and positions,
 * that the file passes `PRAGMA integrity_check`, and that positions are gapless and increasing.
 */
import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent, SqliteEventStore } from '@lib/event-store';
import type { AckLine } from './append-loop.child';

const ITERATIONS = 5;
const ROOT = join(__dirname, '..', '..');
const directory = mkdtempSync(join(tmpdir(), 'event-store-crash-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** Runs the child until it has acknowledged `minAcks` appends, waits `extraMs` more, then kills it. */
async function runAndKill(path: string, minAcks: number, extraMs: number): Promise<AckLine[]> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'append-loop.child.ts'), path],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.on('exit', (_code, signal) => resolve(signal)),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (countLines(stdout) > minAcks) resolve();
    });
    void exited.then(() => reject(new Error(`child exited before the kill: ${stderr}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, extraMs));
  killHard(child);
  expect(await exited).toBe('SIGKILL');
  // Only whole lines are acknowledgements; a line cut by the kill was never completely reported.
  const lines = stdout.split('\n').slice(0, -1);
  return lines.filter((line) => line !== 'ready').map((line) => JSON.parse(line) as AckLine);
}

const countLines = (text: string): number => text.split('\n').length - 2;
const killHard = (child: ChildProcess): void => void child.kill('SIGKILL');

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

function checkAcknowledged(acks: readonly AckLine[], events: readonly RecordedEvent[]): void {
  const byId = new Map(events.map((event) => [event.id, event]));
  for (const ack of acks) {
    const stored = ack.ids.map((id) => byId.get(id));
    expect(stored.every((event) => event !== undefined)).toBe(true);
    stored.forEach((event, i) => {
      expect(event?.streamId).toBe(ack.streamId);
      expect(event?.revision).toBe(ack.firstRevision + i);
    });
    expect(stored[stored.length - 1]?.position).toBe(BigInt(ack.position));
    expect(ack.nextExpectedRevision).toBe(ack.firstRevision + ack.ids.length - 1);
  }
}

function checkLog(events: readonly RecordedEvent[]): void {
  expect(events.map((event) => event.position)).toEqual(events.map((_, i) => BigInt(i + 1)));
  const revisions = new Map<string, number>();
  for (const event of events) {
    expect(event.revision).toBe((revisions.get(event.streamId) ?? -1) + 1);
    revisions.set(event.streamId, event.revision);
  }
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

/**
 * The kill -9 harness of the event store crash tests: runs append-loop.child.ts against a store, kills it at a
 * chosen moment, and checks what it acknowledged against what the store holds.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { RecordedEvent } from '@lib/event-store';
import type { AckLine } from './append-loop.child';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs the child on `target` (a SQLite path or a postgres:// URL) until it has acknowledged `minAcks` appends,
 * waits `extraMs` more, then kills it with SIGKILL. `runId` keeps stream names apart in a shared database.
 */
export async function runAndKill(
  target: string,
  minAcks: number,
  extraMs: number,
  runId = 'run',
): Promise<AckLine[]> {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', join(__dirname, 'append-loop.child.ts'), target, runId],
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

export const countLines = (text: string): number => text.split('\n').length - 2;
const killHard = (child: ChildProcess): void => void child.kill('SIGKILL');

/** Every acknowledged append is stored whole: its events, in its stream, at its revisions and position. */
export function checkAcknowledged(acks: readonly AckLine[], events: readonly RecordedEvent[]): void {
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

/** Revisions of each stream are 0, 1, 2, … in the log's order; positions grow strictly. */
export function checkRevisions(events: readonly RecordedEvent[]): void {
  const revisions = new Map<string, number>();
  let last = 0n;
  for (const event of events) {
    expect(event.position > last).toBe(true);
    last = event.position;
    expect(event.revision).toBe((revisions.get(event.streamId) ?? -1) + 1);
    revisions.set(event.streamId, event.revision);
  }
}

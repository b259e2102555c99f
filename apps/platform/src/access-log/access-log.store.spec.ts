import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteAccessLog } from './access-log.store';

describe('SqliteAccessLog', () => {
  let dir: string;
  let path: string;
  let log: SqliteAccessLog;
  const read = (actorSub: string, subjectIds: string[]) => ({
    actorSub,
    actorRole: 'county_office',
    resource: 'household_employment',
    subjectIds,
    scope: '520402',
    correlationId: `c-${actorSub}`,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'access-log-'));
    path = join(dir, 'access-log.sqlite');
    log = SqliteAccessLog.open(path);
  });
  afterEach(() => {
    log.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds reads by data subject and by reader, newest first, paged by id', () => {
    log.append(read('a', ['h1']), new Date('2026-01-01T00:00:00Z'));
    log.append(read('b', ['h1', 'h2', 'h1']), new Date('2026-01-02T00:00:00Z'));
    log.append(read('a', ['h2']), new Date('2026-01-03T00:00:00Z'));
    expect(log.find({ subject: 'h1', limit: 10 }).map((r) => r.actorSub)).toEqual(['b', 'a']);
    expect(log.find({ subject: 'h1', limit: 10 })[0].subjectIds).toEqual(['h1', 'h2']);
    expect(log.find({ actor: 'a', limit: 10 }).map((r) => r.at)).toEqual([
      '2026-01-03T00:00:00.000Z',
      '2026-01-01T00:00:00.000Z',
    ]);
    const [newest] = log.find({ limit: 1 });
    expect(log.find({ limit: 10, before: newest.id })).toHaveLength(2);
  });

  it('is append-only: a row cannot be changed or deleted, and it survives a reopen', () => {
    log.append(read('a', ['h1']));
    log.close();
    const db = new Database(path);
    expect(() => db.prepare("UPDATE access_reads SET actor_sub = 'x'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_reads').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM access_read_subjects').run()).toThrow(/append-only/);
    db.close();
    log = SqliteAccessLog.open(path);
    expect(log.find({ subject: 'h1', limit: 10 })).toHaveLength(1);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@lib/event-store';
import { MONITOR_COLLECTIONS, householdsCollection, regionsCollection } from '@lib/application';
import { SqliteReadStore } from '@lib/read-store';
import { generateProvinceLog } from '@lib/read-store/testing/province-event-generator';
import { parseRebuildReport } from '../../apps/platform/src/projections/rebuild-report';

/** `npm run projections:rebuild`, as an operator runs it, on a small generated log in a fresh DATA_DIR. */
describe('npm run projections:rebuild', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rebuild-command-'));
    const events = SqliteEventStore.open(join(dataDir, 'events.sqlite'));
    try {
      for (const append of generateProvinceLog(3_000)) {
        await events.append(append.streamId, append.events, append.expectedRevision);
      }
    } finally {
      await events.close();
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const rebuild = () =>
    spawnSync('npm', ['run', '-s', 'projections:rebuild'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });

  it('rebuilds every household from the log, appends the transitions once, and reports what it did', async () => {
    const first = rebuild();
    expect(first.stderr).not.toMatch(/failed/i);
    expect(first.status).toBe(0);
    const report = parseRebuildReport(first.stdout);
    expect(report).toBeDefined();
    const { peakMemoryMb, households, appends } = report ?? { peakMemoryMb: 0, households: 0, appends: 0 };
    expect(peakMemoryMb).toBeGreaterThan(0);
    expect(appends).toBeGreaterThan(0); // nothing had decided the zero-employment cases yet

    const reads = SqliteReadStore.open(join(dataDir, 'read-models.sqlite'), MONITOR_COLLECTIONS);
    try {
      expect(households).toBeGreaterThan(0);
      expect(await reads.count(householdsCollection)).toBe(households);
      const province = (await reads.find(regionsCollection, { where: { level: 'province' }, limit: 1 }))
        .items[0];
      expect(province.households).toBe(households);
    } finally {
      await reads.close();
    }

    // A second rebuild reads the transitions back from the log and appends none of them again.
    const second = rebuild();
    expect(second.status).toBe(0);
    expect(parseRebuildReport(second.stdout)).toMatchObject({ households, appends: 0 });
  });
});

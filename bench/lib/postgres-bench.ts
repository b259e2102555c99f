/**
 * PostgreSQL for the benchmarks: PG_URL names a server; a run creates a database of its own there and drops
 * it at the end. Unset, the PostgreSQL rows are left out (the report says so) and nothing fails.
 */
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { createTestDatabase, pgServerUrl, type TestDatabase } from '@lib/testing';

/** Why the PostgreSQL rows are missing, for the report. */
export const NO_POSTGRES =
  'PostgreSQL rows left out: PG_URL is not set (set it to a server URL to add them).';

/** A fresh database for this run on the server PG_URL names, or undefined when PG_URL is unset. */
export async function benchDatabase(prefix: string): Promise<TestDatabase | undefined> {
  const server = pgServerUrl();
  return server === undefined ? undefined : createTestDatabase(server, prefix);
}

export async function withPg<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export const dropSchema = (url: string, schema: string): Promise<unknown> =>
  withPg(url, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));

/** The server settings that decide what a commit costs, as a sentence for the report. */
export async function serverSettings(url: string): Promise<string> {
  const names = [
    'synchronous_commit',
    'fsync',
    'wal_sync_method',
    'commit_delay',
    'full_page_writes',
    'shared_buffers',
  ];
  const { rows } = await withPg(url, (client) =>
    client.query<{ name: string; setting: string; unit: string | null; boot_val: string }>(
      'SELECT name, setting, unit, boot_val FROM pg_settings WHERE name = ANY($1) ORDER BY name',
      [names],
    ),
  );
  const version = await withPg(url, (client) =>
    client.query<{ v: string }>("SELECT current_setting('server_version') AS v"),
  );
  const shown = rows.map((r) => {
    const value =
      r.name === 'shared_buffers' ? `${(Number(r.setting) * 8) / 1024} MB` : `${r.setting}${r.unit ?? ''}`;
    return `${r.name}=${value}${r.setting === r.boot_val ? ' (the default)' : ''}`;
  });
  const host = new URL(url).hostname;
  const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
  return (
    `PostgreSQL ${version.rows[0].v.split(' ')[0]} on ${loopback ? 'local loopback (TCP, same machine)' : host}, ` +
    `${shown.join(', ')}; a database of its own for the run, dropped at the end`
  );
}

/**
 * CPU seconds used so far by the server processes serving `database` (from /proc: the server runs on this
 * machine), by process id. Other work on the same server is not counted.
 */
export async function backendCpu(url: string, database: string): Promise<Map<number, number>> {
  const { rows } = await withPg(url, (client) =>
    client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    ),
  );
  const ticks = 100; // USER_HZ: the unit of /proc/<pid>/stat on Linux.
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // The process ended meanwhile, or the server is not on this machine: nothing to count.
    }
  }
  return cpu;
}

/** Server CPU seconds between two `backendCpu` readings (a process started between them counts whole). */
export const backendCpuUsed = (before: Map<number, number>, after: Map<number, number>): number =>
  [...after].reduce((sum, [pid, seconds]) => sum + seconds - (before.get(pid) ?? 0), 0);

/**
 * Household import benchmark: a county's ledger of N households (10,000 by default, about 25,000 people; the
 * seed generator's 织金县 at county scale) as an .xlsx, POSTed to the real platform listening on loopback
 * (SQLite event store in a fresh data directory), then read with X-Min-Position (the county's figures) until
 * the imported households are visible. Timed: from sending the upload to the read that shows them.
 *
 * Run: npm run bench:import                    10,000 households, writes the section of docs/BENCHMARKS.md
 *      npm run bench:import -- --households 500   a quick run (nothing written unless --write)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { signToken } from '@lib/auth';
import { generatePopulation } from '@seeds/population-generator';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { createPlatformApp } from '../apps/platform/src/create-platform-app';
import { GENDER_ZH, LABOUR_CAPACITY_ZH, WORK_PREFERENCE_ZH } from '../apps/platform/src/excel/chinese-labels';
import { IN_FLIGHT } from '../apps/platform/src/household-import/household-import.service';
import { ledgerFile, type LedgerRow } from '../apps/platform/src/household-import/testing/ledger-file';
import { machineLine, markdownTable, measured, writeSection } from './lib/bench-report';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};
const HOUSEHOLDS = Number(flag('--households') ?? 10_000);
const WRITE =
  args.includes('--write') || (flag('--households') === undefined && !args.includes('--no-write'));
const COUNTY = '520524';
const SECRET = 'bench-secret-0123456789abcdef0123456789';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The seed generator's households of the county, as ledger rows (Chinese labels, as an office types them). */
function ledgerRows(households: number): { rows: LedgerRow[]; people: number } {
  const rows: LedgerRow[] = [];
  const siteName = new Map(relocationSitesOf(COUNTY).map((s) => [s.id, s.name]));
  let n = 0;
  for (const command of generatePopulation({ scale: 'county', county: COUNTY, households })) {
    if (command.kind !== 'registerHousehold') continue;
    n++;
    for (const member of command.body.members) {
      rows.push({
        householdKey: n,
        name: member.name,
        idNumber: member.idNumber,
        gender: GENDER_ZH[member.gender],
        birthYear: member.birthYear,
        labourCapacity: LABOUR_CAPACITY_ZH[member.labourCapacity],
        skills: (member.skills ?? []).join('、'),
        preference: WORK_PREFERENCE_ZH[member.preference],
        ...(member.expectedMonthlyWage === undefined
          ? {}
          : { expectedMonthlyWage: member.expectedMonthlyWage }),
        site: siteName.get(command.body.relocationSiteId) ?? command.body.relocationSiteId,
      });
    }
  }
  return { rows, people: rows.length };
}

function send(port: number, method: string, path: string, token: string, body?: Buffer, headers = {}) {
  return new Promise<{ status: number; json: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': XLSX } : {}), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const readAt = (port: number, token: string, position: string, path: string) =>
  send(port, 'GET', path, token, undefined, { 'X-Min-Position': position });

async function main() {
  const { rows, people } = ledgerRows(HOUSEHOLDS);
  const file = await ledgerFile(rows);
  console.log(`${HOUSEHOLDS} households, ${people} people, .xlsx of ${(file.length / 1e6).toFixed(1)} MB`);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const { app } = await createPlatformApp({
    dataDir,
    jwtSecret: SECRET,
    idHashKey: 'bench-id-hash-key-0123456789',
    logLevel: 'error',
    rateLimit: { enabled: false },
  });
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as { port: number }).port;
  const token = signToken({ sub: 'bench-office', role: 'county_office', countyCode: COUNTY }, SECRET, '1h');
  try {
    const load = loadavg()[0].toFixed(1);
    const before = await send(port, 'GET', `/v1/counties/${COUNTY}/employment`, token);
    const { result, seconds, peakRssMb } = await measured(async () => {
      const started = process.hrtime.bigint();
      const importId = randomUUID();
      const poll = setInterval(() => {
        void send(port, 'GET', `/v1/household-imports/${importId}/progress`, token).then(({ json }) => {
          const at = (Number(process.hrtime.bigint() - started) / 1e9).toFixed(1);
          console.log(`${at} s: ${String(json.processedRows)} of ${String(json.totalRows)} rows`);
        });
      }, 5000);
      const answer = await send(port, 'POST', `/v1/counties/${COUNTY}/household-imports?mode=all_or_nothing&importId=${importId}`, token, file).finally(() => clearInterval(poll)); // prettier-ignore
      if (answer.status !== 200)
        throw new Error(`Import answered ${answer.status}: ${JSON.stringify(answer.json)}`);
      const importedAt = Number(process.hrtime.bigint() - started) / 1e9;
      const position = String(answer.json.position);
      // 503 not_ready: the projections had not reached the position within the read's wait; ask again.
      let read = await readAt(port, token, position, `/v1/counties/${COUNTY}/employment`);
      while (read.status === 503)
        read = await readAt(port, token, position, `/v1/counties/${COUNTY}/employment`);
      // The household list (the people index, a read model of its own) at the same position.
      const list = `/v1/households?countyCode=${COUNTY}&limit=1`;
      let listed = await readAt(port, token, position, list);
      while (listed.status === 503) listed = await readAt(port, token, position, list);
      const visible = Number(read.json.households) - Number(before.json.households);
      const inList = Number(listed.json.total);
      return { answer: answer.json, importedAt, visible, inList, readStatus: read.status };
    });
    const { answer, importedAt, visible, inList, readStatus } = result;
    if (
      readStatus !== 200 ||
      visible !== HOUSEHOLDS ||
      inList !== HOUSEHOLDS ||
      answer.imported !== HOUSEHOLDS
    ) {
      throw new Error(`Not all visible: read ${readStatus}, imported ${String(answer.imported)}, visible ${visible}`); // prettier-ignore
    }
    const line = [
      String(HOUSEHOLDS),
      String(people),
      `${(file.length / 1e6).toFixed(1)} MB`,
      importedAt.toFixed(1),
      seconds.toFixed(1),
      Math.round(people / seconds).toLocaleString('en-US'),
      Math.round(HOUSEHOLDS / seconds).toLocaleString('en-US'),
      `${Math.round(peakRssMb)} MB`,
    ];
    const table = markdownTable(
      ['households', 'people (rows)', 'file', 'import answered (s)', 'readable (s)', 'rows/s', 'households/s', 'peak RSS'], // prettier-ignore
      [line],
    );
    console.log(table);
    if (WRITE) {
      writeSection(
        join(__dirname, '..', 'docs', 'BENCHMARKS.md'),
        'Household import (Excel)',
        `Machine: ${machineLine()}, load average ${load} when the upload was sent. Command: \`npm run bench:import\` (one run).\n\n` +
          `The seed generator's households of 织金县 (520524) as an .xlsx ledger (Chinese labels, one row per person), ` +
          `POSTed as one upload (mode=all_or_nothing) to the platform listening on loopback in the same process ` +
          `(SQLite event store, group commit, a fresh data directory), then the county's figures read with ` +
          `X-Min-Position set to the import's position, and then the household list (GET /v1/households, the ` +
          `people index) with the same header: "readable" is from sending the upload to the answer of the ` +
          `second read; both show every imported household. Every household goes through the flow of ` +
          `POST /v1/households (a claim per person, then the household decider), ${IN_FLIGHT} households in flight, so ` +
          `the store's group commit shares its fsyncs among them. Peak RSS: this process (server and client).\n\n` +
          `${table}\n`,
      );
    }
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

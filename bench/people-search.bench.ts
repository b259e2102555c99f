/**
 * People search benchmark: the in-memory people index (ADR 0011) over N people (2,000,000 by default; the
 * province's relocated population is 1.92 million), generated deterministically with the seed's name
 * generator and fed as the events the platform appends. Reports the index build time and memory, and p50 /
 * p99 per kind of query (a whole name, a part of a name, pinyin initials, a phone's last 4 digits, a whole
 * phone, an ID number), as the county office and as the admin see it: the search, the page of 50 and its
 * items. Writes the "## People search" section of docs/BENCHMARKS.md.
 * Run: npm run bench:search [-- --people 200000] [-- --no-write]
 */
import { createHmac } from 'node:crypto';
import * as os from 'node:os';
import * as path from 'node:path';
import type { DomainEvent, Gender, LabourCapacity, RelationToHead } from '@contracts';
import type { Principal } from '@lib/auth';
import { initialsOf } from '@lib/application/people/name-keys';
import { PeopleIndex, type PeopleScope } from '@lib/application/people/people-index';
import { givenName, pickSurname } from '@seeds/chinese-names';
import { mobileOf } from '@seeds/households';
import { createRng } from '@seeds/prng';
import { GUIZHOU_COUNTIES } from '@contracts/regions/guizhou-divisions';
import { householdListItems, workerListItems } from '../apps/platform/src/people/household-list';
import { machineLine, markdownTable, percentile, writeSection } from './lib/bench-report';

const FILE = path.join(__dirname, '..', 'docs', 'BENCHMARKS.md');
const argv = process.argv.slice(2);
const peopleArg = argv.indexOf('--people');
const PEOPLE = peopleArg >= 0 ? Number(argv[peopleArg + 1]) : 2_000_000;
const WRITE = !argv.includes('--no-write');
const QUERIES = 500;
const KEY = 'bench-id-hash-key';
const NOW = '2026-12-07T00:00:00Z';
const COUNTIES = GUIZHOU_COUNTIES.map((c) => c.code);

interface Person {
  name: string;
  phone: string | undefined;
  idNumber: string;
  countyCode: string;
}

const hashOf = (idNumber: string) => createHmac('sha256', KEY).update(idNumber).digest('hex');

/** Households of 1–5 members aged 16+, spread over the 88 counties, one in three with a member employed. */
function* population(count: number, sample: (p: Person) => void): Generator<DomainEvent> {
  const rng = createRng(17);
  let made = 0;
  for (let h = 0; made < count; h++) {
    const householdId = `00000000-0000-4000-8000-${String(h).padStart(12, '0')}`;
    const countyCode = COUNTIES[h % COUNTIES.length];
    const at = NOW;
    yield {
      type: 'HouseholdRegistered',
      data: {
        householdId,
        countyCode,
        relocationSiteId: `site-${countyCode}-01`,
        address: `${rng.int(1, 24)}栋${rng.int(1, 4)}单元${rng.int(1, 18)}0${rng.int(1, 4)}`,
        registeredAt: at,
      },
    };
    const size = Math.min(count - made, rng.int(1, 5));
    const surname = pickSurname(rng);
    for (let m = 1; m <= size; m++) {
      const gender: Gender = rng.chance(0.5) ? 'male' : 'female';
      const name = (m === 2 ? pickSurname(rng) : surname) + givenName(rng, gender);
      const birthYear = rng.int(1950, 2008);
      const idNumber = `52${String(h).padStart(10, '0')}${m}${String(birthYear).slice(2)}${gender === 'male' ? 1 : 2}X`;
      const phone = mobileOf(idNumber, 2026 - birthYear);
      const workerId = `${householdId}.${m}`;
      const capacity: LabourCapacity = rng.chance(0.9) ? 'full' : 'none';
      yield {
        type: 'WorkerRegistered',
        data: {
          workerId,
          householdId,
          memberNo: m,
          name,
          idNumberHash: hashOf(idNumber),
          idNumberLast4: idNumber.slice(-4),
          birthYear,
          gender,
          labourCapacity: capacity,
          skills: ['6-05-01-03'], // 缝纫工
          preference: 'any',
          expectedMonthlyWage: null,
          registeredAt: at,
        },
      };
      if (phone)
        yield { type: 'MemberContactRecorded', data: { workerId, householdId, phone, recordedAt: at } };
      const relationToHead: RelationToHead = m === 1 ? 'head' : m === 2 ? 'spouse' : 'child';
      yield {
        type: 'MemberRelationRecorded',
        data: { workerId, householdId, relationToHead, recordedAt: at },
      };
      if (m === 1 && h % 3 === 0) {
        yield {
          type: 'EmploymentReported',
          data: {
            employmentId: `${householdId}:e`,
            workerId,
            householdId,
            channel: 'flexible',
            source: 'declaration',
            startDate: '2026-01-01',
            reportedAt: at,
          },
        };
      }
      sample({ name, phone, idNumber, countyCode });
      made++;
    }
  }
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
const gc = (): void => (global as { gc?: () => void }).gc?.();
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20).toLocaleString('en-US')} MB`;

function build(): { index: PeopleIndex; sample: Person[]; seconds: number; events: number } {
  const index = new PeopleIndex();
  const sample: Person[] = [];
  const pick = createRng(99);
  let position = 0n;
  // Only the index's work is timed, not generating the events (names, phones, HMACs).
  let applying = 0n;
  for (const event of population(PEOPLE, (p) => {
    // Reservoir of people to look for: every kind of query asks for someone who exists.
    if (sample.length < QUERIES) sample.push(p);
    else if (pick.int(0, PEOPLE) < QUERIES) sample[pick.int(0, QUERIES - 1)] = p;
  })) {
    position++;
    const started = process.hrtime.bigint();
    index.apply(event, position);
    applying += process.hrtime.bigint() - started;
  }
  return { index, sample, seconds: Number(applying) / 1e9, events: Number(position) };
}

type Kind = { label: string; query: (p: Person) => { q?: string; idNumberHash?: string } };

const KINDS: Kind[] = [
  { label: 'whole name (王秀英)', query: (p) => ({ q: p.name }) },
  { label: 'part of a name (秀英)', query: (p) => ({ q: [...p.name].slice(1).join('') }) },
  { label: 'pinyin initials (wxy)', query: (p) => ({ q: initialsFor(p.name) }) },
  { label: 'phone, last 4 digits', query: (p) => ({ q: (p.phone ?? '13800000000').slice(-4) }) },
  { label: 'phone, whole', query: (p) => ({ q: p.phone ?? '13800000000' }) },
  { label: 'ID number (keyed hash)', query: (p) => ({ idNumberHash: hashOf(p.idNumber) }) },
];

// The initials the index was built with (the same function the platform uses).
const initialsFor = (name: string) => initialsOf(name)[0];

function run(index: PeopleIndex, sample: Person[], kind: Kind, asOffice: boolean, households: boolean) {
  const times: number[] = [];
  const cpu: number[] = [];
  let found = 0;
  for (const person of sample) {
    const principal: Principal = asOffice
      ? { sub: 'bench', role: 'county_office', countyCode: person.countyCode }
      : { sub: 'bench', role: 'admin' };
    const scope: PeopleScope = asOffice ? { counties: [person.countyCode] } : { counties: 'all' };
    const started = process.hrtime.bigint();
    const cpuStarted = process.cpuUsage();
    if (households) {
      const hits = index.findHouseholds(kind.query(person), scope);
      householdListItems(hits.slice(0, 50), principal, index);
      found += hits.total;
    } else {
      const hits = index.findWorkers(kind.query(person), scope);
      workerListItems(hits.slice(0, 50), principal, index, NOW);
      found += hits.total;
    }
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuStarted);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    p50: percentile(times, 0.5),
    p99: percentile(times, 0.99),
    cpuP99: percentile(cpu, 0.99),
    found: found / sample.length,
  };
}

function main(): void {
  gc();
  const before = process.memoryUsage();
  const { index, sample, seconds, events } = build();
  gc();
  const after = process.memoryUsage();
  const buildLine =
    `${index.personCount.toLocaleString('en-US')} people in ${index.householdCount.toLocaleString('en-US')} ` +
    `households (${events.toLocaleString('en-US')} events): index built in ${seconds.toFixed(1)} s ` +
    `(${Math.round(events / seconds).toLocaleString('en-US')} events/s); heapUsed ${mb(after.heapUsed - before.heapUsed)} ` +
    `for the index (${mb(after.heapUsed)} in all), RSS ${mb(after.rss)}.`;
  console.log(buildLine);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  const rows: string[][] = [];
  for (const kind of KINDS) {
    const office = run(index, sample, kind, true, false);
    const admin = run(index, sample, kind, false, false);
    const row = [
      kind.label,
      `${ms(office.p50)} / ${ms(office.p99)} (CPU p99 ${ms(office.cpuP99)})`,
      Math.round(office.found).toLocaleString('en-US'),
      `${ms(admin.p50)} / ${ms(admin.p99)} (CPU p99 ${ms(admin.cpuP99)})`,
      Math.round(admin.found).toLocaleString('en-US'),
    ];
    console.log(row.join(' | '));
    rows.push(row);
  }
  const households = run(index, sample, KINDS[2], true, true);
  const householdsAdmin = run(index, sample, KINDS[2], false, true);
  rows.push([
    'households by initials',
    `${ms(households.p50)} / ${ms(households.p99)} (CPU p99 ${ms(households.cpuP99)})`,
    Math.round(households.found).toLocaleString('en-US'),
    `${ms(householdsAdmin.p50)} / ${ms(householdsAdmin.p99)} (CPU p99 ${ms(householdsAdmin.cpuP99)})`,
    Math.round(householdsAdmin.found).toLocaleString('en-US'),
  ]);
  console.log(rows[rows.length - 1].join(' | '));
  const cells = rows.flatMap((r) => [r[1], r[3]]);
  const worst = Math.max(...cells.map((c) => Number(/\/ ([\d.]+) ms/.exec(c)?.[1])));
  const worstCpu = Math.max(...cells.map((c) => Number(/CPU p99 ([\d.]+) ms/.exec(c)?.[1])));
  const table = markdownTable(
    [
      'query',
      'county office p50 / p99 (CPU p99)',
      'found (mean)',
      'admin (whole province) p50 / p99 (CPU p99)',
      'found (mean)',
    ],
    rows,
  );
  const body = [
    `Machine: ${machineLine()}. Command: \`npm run bench:search\`${PEOPLE === 2_000_000 ? '' : ` -- --people ${PEOPLE}`}.`,
    '',
    `People: generated with the seed's name generator (\`seeds/src/chinese-names.ts\`) and phone generator, households of 1–5 members over the 88 counties, fed to the in-memory people index (ADR 0011) as the events the platform appends (registration, phone, relation, one job in three households). ${buildLine}`,
    '',
    `Each row: ${QUERIES} queries for people who exist (a random sample), timed end to end in process: the search (every match, for the total), the page of 50 and its items with names as the caller may see them. The county office searches its own county; the admin the whole province (names masked). Wall time; the CPU time of the process over the same query beside the p99 (it includes the garbage collector's threads): a wall p99 far above the CPU p99 is time the process did not run (load average ${loadAverage()} when the queries ended).`,
    '',
    table,
    '',
    `Aim: p99 under 50 ms among 2,000,000 people: ${worst < 50 ? '**met**' : '**NOT met**'} in wall time (worst p99 ${worst.toFixed(2)} ms), ${worstCpu < 50 ? 'met' : 'not met'} in CPU time (worst CPU p99 ${worstCpu.toFixed(2)} ms)${PEOPLE === 2_000_000 ? '' : ` (this run: ${PEOPLE.toLocaleString('en-US')} people)`}. The HTTP layer (JSON, access log) comes on top.`,
  ].join('\n');
  if (WRITE) writeSection(FILE, 'People search', body);
}

main();

/** The PostgreSQL part of bench:store's section: its rows beside SQLite's, and what they mean. */
import { formatRate, markdownTable } from './bench-report';
import type { PhaseFigures } from './postgres-append-phases';
import type { AppendFigures, ReadFigure } from './store-workload';

const SQLITE_GROUPED = 'SqliteEventStore, group commit';
const POSTGRES = 'PostgresEventStore';
const READ_ALL = { sqlite: 'readAll', postgres: 'PostgreSQL readAll' };
const RAW_PARSED = 'raw pg page fetch, jsonb parsed by the driver, no events';
const RAW_TEXT = 'raw pg page fetch, jsonb left as text, no events';

const ms = (value: number): string => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const times = (ratio: number): string => `${ratio.toFixed(2)}x`;
const micros = (perSecond: number): number => 1e6 / perSecond;

function find<T extends { label: string }>(items: readonly T[], label: string, extra = (_: T) => true): T {
  const item = items.find((i) => i.label === label && extra(i));
  if (!item) throw new Error(`no figure ${label}`);
  return item;
}

function appendComparison(figures: readonly AppendFigures[]): string {
  const rows = [1, 10].flatMap((batchSize) =>
    [1, 8].map((writers) => {
      const same = (f: AppendFigures): boolean => f.batchSize === batchSize && f.writers === writers;
      const sqlite = find(figures, SQLITE_GROUPED, same);
      const pg = find(figures, POSTGRES, same);
      return [
        String(batchSize),
        String(writers),
        formatRate(sqlite.eventsPerSecond),
        `${ms(sqlite.p50Ms)} / ${ms(sqlite.p99Ms)}`,
        formatRate(pg.eventsPerSecond),
        `${ms(pg.p50Ms)} / ${ms(pg.p99Ms)}`,
        times(pg.eventsPerSecond / sqlite.eventsPerSecond),
      ];
    }),
  );
  return markdownTable(
    [
      'events per append',
      'writers',
      'SQLite (group commit) events/s',
      'SQLite p50 / p99 (ms)',
      'PostgreSQL events/s',
      'PostgreSQL p50 / p99 (ms)',
      'PostgreSQL / SQLite',
    ],
    rows,
  );
}

function readComparison(reads: { sqlite: readonly ReadFigure[]; postgres: readonly ReadFigure[] }): string {
  const sqliteReadAll = find(reads.sqlite, READ_ALL.sqlite);
  const row = (figure: ReadFigure, label = figure.label): string[] => [
    label,
    formatRate(figure.wall),
    formatRate(figure.perCpuSecond),
    figure.serverCpuMicros === undefined ? '—' : `${figure.serverCpuMicros.toFixed(1)} µs`,
    times(figure.wall / sqliteReadAll.wall),
  ];
  return markdownTable(
    [
      'read path',
      'events/s (wall)',
      'events per CPU-second (this process)',
      'server CPU per event',
      'vs SQLite readAll (wall)',
    ],
    [row(sqliteReadAll, 'SQLite readAll (from the table above)'), ...reads.postgres.map((r) => row(r))],
  );
}

function phaseTable(phases: readonly PhaseFigures[]): string {
  const pair = ([p50, p99]: [number, number]): string => `${ms(p50)} / ${ms(p99)}`;
  return markdownTable(
    [
      'writers',
      'lock wait p50 / p99 (ms)',
      'lock held p50 / p99 (ms)',
      'COMMIT p50 / p99 (ms)',
      'whole append p50 / p99 (ms)',
      'lock held, mean (ms)',
      'appends/s at that hold time',
    ],
    phases.map((p) => [
      String(p.writers),
      pair(p.lockWait),
      pair(p.lockHeld),
      pair(p.commit),
      pair(p.whole),
      ms(p.meanHeld),
      formatRate(1000 / p.meanHeld),
    ]),
  );
}

function meaning(
  figures: readonly AppendFigures[],
  reads: { sqlite: readonly ReadFigure[]; postgres: readonly ReadFigure[] },
  phases: readonly PhaseFigures[],
): string {
  const at = (label: string, writers: number, batchSize = 1): AppendFigures =>
    find(figures, label, (f) => f.batchSize === batchSize && f.writers === writers);
  const pg1 = at(POSTGRES, 1);
  const pg8 = at(POSTGRES, 8);
  const pg8of10 = at(POSTGRES, 8, 10);
  const sqlite1 = at(SQLITE_GROUPED, 1);
  const sqlite8 = at(SQLITE_GROUPED, 8);
  const [one, eight] = [1, 8].map((writers) => phases.find((p) => p.writers === writers));
  if (!one || !eight) throw new Error('no append phases');
  const ceiling = 1000 / eight.meanHeld;
  const readAll = find(reads.postgres, READ_ALL.postgres);
  const parsed = find(reads.postgres, RAW_PARSED);
  const text = find(reads.postgres, RAW_TEXT);
  const parseMicros = micros(parsed.perCpuSecond) - micros(text.perCpuSecond);
  return [
    '**What the PostgreSQL figures mean.**',
    `An append is one transaction of seven round trips over loopback (BEGIN, the schema's position lock, the`,
    'revision lookup, the block of positions, the insert, the unlock, COMMIT), answered when COMMIT returns, that',
    'is after the server has flushed the commit record to the WAL (`synchronous_commit=on`, `fsync=on`).',
    `With one writer, COMMIT p50 ${ms(one.commit[0])} ms on this disk, the whole append ${ms(one.whole[0])} ms as the writer`,
    one.commit[0] < one.whole[0] / 2
      ? 'times it: the round trips before the COMMIT (each a wake-up of a server process and then of this one, on two cores shared with other work) cost more than the flush.'
      : 'times it: the flush is most of it.',
    'Through the store (a pooled connection, a promise, and after the commit a NOTIFY on the listening',
    "connection: one more round trip, which takes a transaction id but writes no WAL record to flush; pg_stat_wal's",
    `wal_sync does not move for it) p50 ${ms(pg1.p50Ms)} ms per append against SQLite's`,
    `${ms(sqlite1.p50Ms)} ms (${formatRate(pg1.eventsPerSecond)} against ${formatRate(sqlite1.eventsPerSecond)} events/s).`,
    'The position lock of ADR 0010 is held for the check and the insert only and let go before COMMIT, so the',
    "server's own group commit can work: while one append's commit waits for its flush the next takes the lock,",
    'and one WAL flush makes durable every commit that reached it meanwhile (`commit_delay=0`, no waiting for',
    `company). 8 writers on distinct streams gave ${times(pg8.eventsPerSecond / pg1.eventsPerSecond)} the events/s of one`,
    `(SQLite's group commit: ${times(sqlite8.eventsPerSecond / sqlite1.eventsPerSecond)}), at p50 ${ms(pg8.p50Ms)} / p99 ${ms(pg8.p99Ms)} ms per append.`,
    eight.meanHeld > eight.commit[0]
      ? `What holds them back is the lock, not the flush: in the timed rounds it is held ${ms(eight.meanHeld)} ms on average per append, longer than a COMMIT (p50 ${ms(eight.commit[0])} ms).`
      : `In the timed rounds the lock is held ${ms(eight.meanHeld)} ms on average per append, a COMMIT takes ${ms(eight.commit[0])} ms (p50).`,
    "A schema's appends pass the lock one at a time: about",
    `${formatRate(ceiling)} per second at that hold time (the store's own rows, untimed, reached ${formatRate(pg8.eventsPerSecond)}); 8 writers`,
    `wait for the lock p50 ${ms(eight.lockWait[0])} ms of a whole append's ${ms(eight.whole[0])} ms. Appends of 10 events take the lock as`,
    `often for ten times the events, so they give ${times(pg8of10.eventsPerSecond / pg8.eventsPerSecond)} the events/s of one-event appends with 8`,
    `writers (${formatRate(pg8of10.eventsPerSecond)} events/s).`,
    `Reads: node-postgres gets jsonb as text and runs JSON.parse on every data and metadata value, row by row;`,
    `the same pages fetched with jsonb left as text cost ${micros(text.perCpuSecond).toFixed(1)} µs of this process's CPU per`,
    `event, parsed ${micros(parsed.perCpuSecond).toFixed(1)} µs, so the parsing is ${parseMicros.toFixed(1)} µs per event; readAll`,
    `(events built, the readable check of ADR 0010 in the query) ${micros(readAll.perCpuSecond).toFixed(1)} µs, and the server`,
    `${(readAll.serverCpuMicros ?? Number.NaN).toFixed(1)} µs of CPU per event on top (index scan, jsonb to text, the protocol).`,
    'On two cores the client and the server share the CPU, so wall-clock rates are below what either would do',
    'alone.',
  ].join(' ');
}

/** The sub-section: appends and reads of PostgreSQL beside SQLite's, from the same run and rounds. */
export function postgresSection(
  figures: readonly AppendFigures[],
  reads: { sqlite: readonly ReadFigure[]; postgres: readonly ReadFigure[] },
  readEvents: number,
  phases: readonly PhaseFigures[],
): string {
  return [
    '### PostgreSQL beside SQLite',
    'Appends, the same workload in the same rounds (the rows `PostgresEventStore` above; each writer appends to a stream of its own, each round in a new schema):',
    appendComparison(figures),
    "Where a PostgreSQL append's time goes: the store's append writer on connections whose queries are timed as the writer sees them (1,000 one-event appends per round, each writer to a stream of its own, in the same rounds as the rows above; medians over the rounds of each round's percentile). The lock is held from the answer to the lock's query to the answer to the unlock's: the revision lookup, the block of positions, the insert and the unlock, four round trips:",
    phaseTable(phases),
    `Reads of the same ${readEvents.toLocaleString('en-US')} sample events, appended by the store itself (1,000 events per append), taking turns with the SQLite read paths in the same rounds. "Server CPU" is the CPU time of the server processes of the run's database (from /proc; the server runs on this machine), per event:`,
    readComparison(reads),
    meaning(figures, reads, phases),
  ].join('\n\n');
}

import { MONITOR_ACTOR } from '@lib/domain/monitor';
import { existsSync, rmSync } from 'node:fs';
import { decodeStoredEvent, eventTimeOf, type EventEnvelope, type DomainEvent } from '@contracts';
import { GUIZHOU_COUNTIES, prefectureOfCounty } from '@contracts/regions/guizhou-divisions';
import { START, type EventStore, type RecordedEvent } from '@lib/event-store';
import { generatePopulation } from '@seeds/population-generator';
import type { SeedCommand } from '@seeds/seed-commands';
import { summarizeSeed, type SeedSummary } from '@seeds/seed-summary';
import { prepareFirstStartSeed } from '../../apps/platform/src/seeding/first-start-seed';
import { SEED_ACTOR } from '../../apps/platform/src/seeding/seed-command-bus';
import { findDemoScopes, welcomeText } from '../../apps/platform/src/seeding/welcome';
import { COUNTY, bearer, eventStoreOf, householdBody, memberBody } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

async function readLog(store: EventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of store.readAll(START)) events.push(event);
  return events;
}

const countOf = (events: readonly RecordedEvent[], type: string): number =>
  events.filter((e) => e.type === type).length;

const DAY_MS = 86_400_000;
const ANSHUN_COUNTIES = GUIZHOU_COUNTIES.filter((c) => c.prefectureCode === '520400').map((c) => c.code);

interface CaseItem {
  householdId: string;
  openedAt: string;
  clearedAt?: string | null;
}

describe('demo seed through the command bus', () => {
  let t: TestApp;
  let log: RecordedEvent[];
  let commands: SeedCommand[];
  let expected: SeedSummary;
  /** The instant the seed's history ends at. */
  let now: string;
  let seedSeconds: number;
  type Readiness = { httpStatus: number; seed?: string };
  let readyBefore: Readiness;
  let readyAfter: Readiness;
  /** The seed check's status, from a 200 body or from the 503 problem's details. */
  const readiness = async (): Promise<Readiness> => {
    const res = await t.http.get('/ready');
    type Checks = { details?: Record<string, { status: string }> };
    const body = res.body as Checks & { error?: { details?: Checks } };
    const checks = body.details ?? body.error?.details?.details;
    return { httpStatus: res.status, seed: checks?.seed?.status };
  };
  /** Waits until the monitor has applied the head and appended nothing more (its cases follow the commands). */
  const settled = async (): Promise<void> => {
    for (let last = -1n; ;) {
      const head = await eventStoreOf(t.app).headPosition();
      if (head === last) return;
      last = head;
      await t.http
        .get('/v1/province/employment')
        .set(bearer(t.tokens.admin()))
        .set('X-Min-Position', head.toString())
        .expect(200);
    }
  };
  const casesOf = async (county: string, status: 'open' | 'cleared'): Promise<CaseItem[]> => {
    const items: CaseItem[] = [];
    for (let cursor: string | null = null; ;) {
      const res = await t.http
        .get(`/v1/counties/${county}/zero-employment-cases`)
        .query({ status, limit: 200, ...(cursor ? { cursor } : {}) })
        .set(bearer(t.tokens.admin()))
        .expect(200);
      items.push(...(res.body.items as CaseItem[]));
      cursor = res.body.nextCursor as string | null;
      if (!cursor) return items;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    const seed = await prepareFirstStartSeed(t.app, { scale: 'demo' });
    readyBefore = await readiness();
    const outcome = await seed.run();
    if (!outcome.seeded) throw new Error('the demo seed did not run');
    readyAfter = await readiness();
    ({ now, seconds: seedSeconds } = outcome.run);
    // The population the loader sent: the same generator, ended at the same instant.
    commands = [...generatePopulation({ scale: 'demo', now })];
    expected = summarizeSeed(commands);
    await settled();
    log = await readLog(eventStoreOf(t.app));
  }, 180_000);
  afterAll(async () => {
    // The last test closed the app and removed its directory already.
    if (existsSync(t?.dataDir ?? '')) await t.close();
  });

  it('holds what the generator sent: stations, workshops, vacancies, households, workers, jobs, placements, ends', () => {
    const kinds = (kind: SeedCommand['kind']) => commands.filter((c) => c.kind === kind).length;
    const jobsAtRegistration = commands.flatMap((c) =>
      c.kind === 'registerHousehold' ? c.body.members.filter((m) => m.currentEmployment) : [],
    ).length;
    expect(countOf(log, 'LabourStationRegistered')).toBe(expected.stations);
    expect(countOf(log, 'WorkshopCertified')).toBe(expected.workshops);
    expect(countOf(log, 'VacancyPosted')).toBe(expected.vacancies);
    expect(countOf(log, 'HouseholdRegistered')).toBe(expected.households);
    expect(countOf(log, 'WorkerRegistered')).toBe(expected.members);
    expect(countOf(log, 'EmploymentReported')).toBe(jobsAtRegistration + kinds('reportEmployment'));
    expect(countOf(log, 'WorkerPlaced')).toBe(kinds('placeWorker'));
    expect(countOf(log, 'EmploymentEnded')).toBe(kinds('endEmployment'));
    expect(expected.households).toBe(600);
    console.info(
      `demo seed: ${log.length} events in ${seedSeconds.toFixed(1)} s; ${expected.households} households, ` +
        `${kinds('placeWorker')} placements, ${kinds('endEmployment')} ends, ` +
        `${countOf(log, 'ZeroEmploymentCaseOpened')} cases opened, ${countOf(log, 'ZeroEmploymentCaseCleared')} cleared`,
    );
  });

  it('registers the partner cities’ employers; a station vacancy names one, with every detail, through the API', async () => {
    expect(countOf(log, 'EmployerRegistered')).toBe(
      commands.filter((c) => c.kind === 'registerEmployer').length,
    );
    const posted = log.find(
      (e) =>
        e.type === 'VacancyPosted' &&
        (e.data as { source: { type: string } }).source.type === 'labour_station',
    );
    const vacancyId = (posted?.data as { vacancyId: string }).vacancyId;
    const res = await t.http.get(`/v1/vacancies/${vacancyId}`).set(bearer(t.tokens.admin())).expect(200);
    expect(res.body.employer).toEqual({
      employerId: expect.any(String),
      name: expect.stringMatching(/有限公司$/),
      creditCode: expect.stringMatching(/^91\d{6}MA/),
      industry: expect.any(String),
      city: res.body.location.city,
    });
    for (const field of [
      'description',
      'workingHours',
      'contractTerms',
      'socialInsurance',
      'meals',
      'contact',
    ])
      expect(res.body[field]).not.toBeNull();
  });

  it('covers every county of Anshun (520400) and a county in two other prefectures', () => {
    const counties = new Set(
      log.filter((e) => e.type === 'HouseholdRegistered').map((e) => String(e.data.countyCode)),
    );
    expect(ANSHUN_COUNTIES).toHaveLength(6);
    for (const code of ANSHUN_COUNTIES) expect(counties.has(code)).toBe(true);
    const prefectures = new Set([...counties].map((code) => prefectureOfCounty(code)?.code));
    expect([...prefectures].sort()).toEqual(['520400', '520500', '522300']);
  });

  it('dates its events over the 90 days up to the seed’s clock, none in the future, business times included', () => {
    const end = Date.parse(now);
    expect(end).toBeLessThanOrEqual(Date.now());
    const times = log.map((e) => Date.parse(eventTimeOf(decodeStoredEvent(e))));
    const envelopes = log.map((e) => Date.parse(e.occurredAt));
    for (const at of [...times, ...envelopes]) {
      expect(at).toBeLessThanOrEqual(end);
      expect(at).toBeGreaterThan(end - 90 * DAY_MS);
    }
    const days = new Set(envelopes.map((at) => new Date(at).toISOString().slice(0, 10)));
    expect(days.size).toBeGreaterThanOrEqual(70);
  });

  it('opens and clears zero-employment cases on many days, the clearing taking from hours to weeks', () => {
    const opened = log.filter((e) => e.type === 'ZeroEmploymentCaseOpened');
    const cleared = log.filter((e) => e.type === 'ZeroEmploymentCaseCleared');
    expect(opened.length).toBeGreaterThanOrEqual(100);
    expect(cleared.length).toBeGreaterThanOrEqual(opened.length * 0.8);
    const day = (iso: unknown) => String(iso).slice(0, 10);
    expect(new Set(opened.map((e) => day(e.data.openedAt))).size).toBeGreaterThanOrEqual(50);
    expect(new Set(cleared.map((e) => day(e.data.clearedAt))).size).toBeGreaterThanOrEqual(50);
    const days = cleared.map(
      (e) => (Date.parse(String(e.data.clearedAt)) - Date.parse(String(e.data.openedAt))) / DAY_MS,
    );
    // Every bucket of the dashboard's chart (≤1, 1–3, 3–5, 5–10, >10 days) has cases; most within 5 days.
    for (const [low, high] of [
      [0, 1],
      [1, 3],
      [3, 5],
      [5, 10],
      [10, Infinity],
    ]) {
      expect(days.filter((d) => d > low && d <= high).length).toBeGreaterThanOrEqual(3);
    }
    expect(days.filter((d) => d <= 5).length).toBeGreaterThan(days.length / 2);
    // The cases are the monitor's, dated by the household events that opened and cleared them.
    for (const e of [...opened, ...cleared])
      expect((e.metadata as { actor: unknown }).actor).toEqual(MONITOR_ACTOR);
  });

  it('ends at the published ratios: ~96% employed (96.19–96.9%), ~2.3 per household (2.34, Anshun 2.29), as the API counts', async () => {
    const res = await t.http.get('/v1/province/employment').set(bearer(t.tokens.admin())).expect(200);
    const province = res.body as { households: number; householdsWithLabour: number; employedLabourCapableWorkers: number; labourCapableWorkers: number; zeroEmploymentHouseholds: number; employmentRate: number }; // prettier-ignore
    expect(province.households).toBe(expected.households);
    expect(province.labourCapableWorkers).toBe(expected.labourCapableWorkers);
    expect(province.employedLabourCapableWorkers).toBe(expected.employedWorkers);
    expect(province.zeroEmploymentHouseholds).toBe(expected.zeroEmploymentHouseholds);
    expect(province.employmentRate).toBeGreaterThanOrEqual(0.95);
    expect(province.employmentRate).toBeLessThanOrEqual(0.975);
    const perHousehold = province.employedLabourCapableWorkers / province.householdsWithLabour;
    expect(perHousehold).toBeGreaterThanOrEqual(2.2);
    expect(perHousehold).toBeLessThanOrEqual(2.45);
    console.info(`demo seed ratios: ${(province.employmentRate * 100).toFixed(2)} % employed, ${perHousehold.toFixed(2)} per household with labour, ${province.zeroEmploymentHouseholds} zero-employment households`); // prettier-ignore
  });

  it('gives each of the dashboard’s charts data through the API: the 30-day trend, time to clear, the comparisons', async () => {
    const end = Date.parse(now);
    for (const county of ['520402', '520424', '520425']) {
      const open = await casesOf(county, 'open');
      const cleared = await casesOf(county, 'cleared');
      // The 30-day trend (web case-figures openCasesByDay): open cases at the end of each day change over the month.
      const spans = [...open, ...cleared].map((c) => [Date.parse(c.openedAt), c.clearedAt ? Date.parse(c.clearedAt) : Infinity]); // prettier-ignore
      const trend = Array.from({ length: 30 }, (_, i) => end - i * DAY_MS).map(
        (at) => spans.filter(([from, to]) => from <= at && to > at).length,
      );
      expect(new Set(trend).size).toBeGreaterThanOrEqual(2);
      const inLast30 = cleared.filter((c) => Date.parse(c.clearedAt ?? '') > end - 30 * DAY_MS);
      expect(inLast30.length).toBeGreaterThanOrEqual(2);
      // Time to clear: cleared cases in at least three of the chart's buckets.
      const buckets = new Set(
        cleared.map((c) => {
          const days = (Date.parse(c.clearedAt ?? '') - Date.parse(c.openedAt)) / DAY_MS;
          return [1, 3, 5, 10].findIndex((max) => days <= max);
        }),
      );
      expect(buckets.size).toBeGreaterThanOrEqual(3);
    }
    // The prefecture's counties side by side, and the province's prefectures.
    for (const code of ANSHUN_COUNTIES) {
      const res = await t.http
        .get(`/v1/counties/${code}/employment`)
        .set(bearer(t.tokens.admin()))
        .expect(200);
      expect(res.body.households).toBeGreaterThanOrEqual(50);
    }
    const prefectures: Record<string, number> = {};
    for (const code of ['520400', '520500', '522300', '520100']) {
      const res = await t.http
        .get(`/v1/prefectures/${code}/employment`)
        .set(bearer(t.tokens.admin()))
        .expect(200);
      prefectures[code] = res.body.households as number;
    }
    expect(prefectures).toEqual({ '520400': 500, '520500': 60, '522300': 40, '520100': 0 });
  });

  it('keeps /ready down for the seed until it is loaded', () => {
    expect(readyBefore).toEqual({ httpStatus: 503, seed: 'down' });
    // Other checks (projections catching up on the seed) may still be down: only the seed's is asserted.
    expect(readyAfter.seed).toBe('up');
  });

  it('decodes every seeded event with the contract, names the system seed actor, and reports employment in the registration append', () => {
    const seeded: EventEnvelope<DomainEvent>[] = log
      .filter((e) => (e.metadata as { actor: { id: string } }).actor.id !== MONITOR_ACTOR.id)
      .map((e) => decodeStoredEvent(e));
    expect(seeded.length).toBeGreaterThan(expected.households + expected.members);
    for (const event of seeded) expect(event.metadata.actor).toEqual(SEED_ACTOR);
    // One command, one correlation: the registration's events (its members, the jobs they already have)
    // share one, and each later command on the household (a report, a placement, an end) has its own.
    const byStream = new Map<string, Set<string>>();
    for (const e of seeded.filter((s) => s.streamId.startsWith('household-'))) {
      byStream.set(e.streamId, (byStream.get(e.streamId) ?? new Set()).add(e.metadata.correlationId));
    }
    expect(byStream.size).toBe(expected.households);
    const registrations = seeded.filter((e) => e.type === 'HouseholdRegistered');
    const later = commands.filter((c) => 'householdRef' in c).length;
    const correlations = [...byStream.values()].reduce((sum, set) => sum + set.size, 0);
    expect(correlations).toBe(registrations.length + later);
    for (const r of registrations) {
      const workers = seeded.filter((e) => e.type === 'WorkerRegistered' && e.streamId === r.streamId);
      for (const w of workers) expect(w.metadata.correlationId).toBe(r.metadata.correlationId);
    }
  });

  it('finds a station, a workshop and the demo counties for the printed tokens, which the app accepts', async () => {
    const scopes = await findDemoScopes(eventStoreOf(t.app));
    expect(scopes.counties).toEqual([...ANSHUN_COUNTIES, '520524', '522327'].sort());
    expect(scopes.station?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(scopes.workshop?.countyCode).toBe('520402');
    const text = welcomeText('http://localhost:3000', t.config.jwtSecret, scopes);
    const tokens = Object.fromEntries(
      [...text.matchAll(/^export (TOKEN_\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]),
    );
    expect(Object.keys(tokens).sort()).toEqual([
      'TOKEN_ADMIN',
      'TOKEN_BROKER',
      'TOKEN_COUNTY',
      'TOKEN_STATION',
      'TOKEN_WORKSHOP',
    ]);
    expect(text).toContain('http://localhost:3000/docs');
    expect(text).toMatch(/^curl -s http:\/\/localhost:3000\/v1\/counties\/520402\/employment/m);
    // The county office token registers a household in 520402; the workshop token is refused there.
    await t.http
      .post('/v1/households')
      .set(bearer(tokens.TOKEN_COUNTY))
      .send(householdBody(COUNTY))
      .expect(201);
    await t.http
      .post('/v1/households')
      .set(bearer(tokens.TOKEN_WORKSHOP))
      .send(householdBody(COUNTY))
      .expect(403);
  });
  it('does not seed again on a second start of the same data directory', async () => {
    const again = await prepareFirstStartSeed(t.app, { scale: 'demo' });
    expect(await again.run()).toEqual({ seeded: false, reason: 'not_first_start' });
    const { dataDir } = t;
    await t.app.close(); // keeps the directory: t.close() would remove it
    const restarted = await startTestApp({ dataDir });
    try {
      const seed = await prepareFirstStartSeed(restarted.app, { scale: 'demo' });
      expect(await seed.run()).toEqual({ seeded: false, reason: 'not_first_start' });
      const relog = await readLog(eventStoreOf(restarted.app));
      expect(countOf(relog, 'HouseholdRegistered')).toBe(countOf(log, 'HouseholdRegistered') + 1);
      expect(countOf(relog, 'LabourStationRegistered')).toBe(expected.stations);
    } finally {
      await restarted.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('POST /v1/households with employment members already have', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('appends EmploymentReported in the registration append; the worker is employed from the start', async () => {
    const job = {
      channel: 'workshop',
      employer: '西秀区扶贫车间',
      source: 'cadre_visit',
      startDate: '2025-03-01',
    };
    const body = householdBody(COUNTY, [
      memberBody(),
      memberBody({ name: '李四', gender: 'male', currentEmployment: job }),
    ]);
    const office = t.tokens.county(COUNTY);
    const res = await t.http.post('/v1/households').set(bearer(office)).send(body).expect(201);
    const { householdId, workerIds } = res.body as { householdId: string; workerIds: string[] };
    expect(workerIds).toEqual([`${householdId}.1`, `${householdId}.2`]);
    const events = await eventStoreOf(t.app).readStream(`household-${householdId}`);
    expect(events.map((e) => e.type)).toEqual([
      'HouseholdRegistered',
      'WorkerRegistered',
      'WorkerRegistered',
      'EmploymentReported',
    ]);
    expect(new Set(events.map((e) => (e.metadata as { correlationId: string }).correlationId)).size).toBe(1);
    expect(events[3].data).toMatchObject({ ...job, workerId: `${householdId}.2`, householdId });
    expect(events[2].data).not.toHaveProperty('currentEmployment');
    await t.http
      .post(`/v1/workers/${householdId}.2/employment-reports`)
      .set(bearer(office))
      .send({ channel: 'flexible', source: 'declaration', startDate: '2025-06-01' })
      .expect(409);
  });

  it('refuses an unknown field in currentEmployment, appending nothing', async () => {
    const head = await eventStoreOf(t.app).headPosition();
    const job = { channel: 'workshop', source: 'cadre_visit', startDate: '2025-03-01', wage: 3000 };
    const body = householdBody(COUNTY, [memberBody({ currentEmployment: job })]);
    const res = await t.http
      .post('/v1/households')
      .set(bearer(t.tokens.county(COUNTY)))
      .send(body)
      .expect(400);
    expect(JSON.stringify(res.body)).toContain('currentEmployment');
    expect(await eventStoreOf(t.app).headPosition()).toBe(head);
  });
});

/**
 * GET /metrics on the real platform: a command is timed under its route template, its append under the event
 * store's histogram, the projections stand at its position with no lag, the open cases by county and colour are
 * the case list's, the scheduler's backlog is counted, and a projection that stops shows its lag in events and
 * seconds. No token; never rate limited; documented.
 */
import request from 'supertest';
import { newEvent, uniqueStream } from '@lib/event-store/testing/event-fixtures';
import { MovableClock } from '@lib/application/scheduler/testing/movable-clock';
import { MonitorFeed } from '../../apps/platform/src/monitor/monitor-feed';
import { SchedulerRuntime } from '../../apps/platform/src/scheduler/scheduler-runtime';
import {
  COUNTY,
  OTHER_COUNTY,
  bearer,
  eventStoreOf,
  householdBody,
  labourStationBody,
  memberBody,
  vacancyBody,
} from './helpers/fixtures';
import { parseExposition, samplesOf, valueOf, type MetricSample } from './helpers/metrics-text';
import { startTestApp, type TestApp } from './helpers/start-test-app';

const DAY_MS = 24 * 3600 * 1000;
const WARNINGS = ['green', 'yellow', 'red'] as const;

describe('GET /metrics (e2e)', () => {
  let t: TestApp;
  let clock: MovableClock;
  const admin = () => bearer(t.tokens.admin());

  beforeAll(async () => {
    clock = new MovableClock(new Date().toISOString());
    t = await startTestApp({ clock });
  });
  afterAll(() => t.close());

  let lastText = '';
  /** One scrape, through the agent that checks the answer against the OpenAPI document. */
  async function scrape(): Promise<MetricSample[]> {
    const res = await t.http
      .get('/metrics')
      .expect(200)
      .expect('Content-Type', /^text\/plain; version=0\.0\.4/);
    lastText = res.text;
    return parseExposition(res.text);
  }

  /** Scrapes until `ready` holds (the projections apply a moment after the command), then returns that scrape. */
  async function scrapeWhen(ready: (samples: MetricSample[]) => boolean): Promise<MetricSample[]> {
    for (let i = 0; i < 200; i++) {
      const samples = await scrape();
      if (ready(samples)) return samples;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`the metrics never got there:\n${lastText}`);
  }

  const newStation = async () =>
    (await t.http.post('/v1/labour-stations').set(admin()).send(labourStationBody()).expect(201)).body as {
      stationId: string;
      position: string;
    };

  const requests = (samples: MetricSample[], labels: Record<string, string>) =>
    valueOf(samples, 'http_request_duration_seconds_count', labels) ?? 0;
  const appendsOk = (samples: MetricSample[]) =>
    valueOf(samples, 'event_store_append_duration_seconds_count', { result: 'ok' }) ?? 0;

  it('times a command under its route template, method and status, and its append as ok', async () => {
    const route = { method: 'POST', route: '/v1/labour-stations', status_code: '201' };
    const before = await scrape();
    await newStation();
    const after = await scrape();
    expect(requests(after, route) - requests(before, route)).toBe(1);
    expect(valueOf(after, 'http_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(
      requests(after, route),
    );
    expect(appendsOk(after) - appendsOk(before)).toBeGreaterThanOrEqual(1);
    expect(samplesOf(after, 'event_store_append_duration_seconds_bucket', { result: 'ok' }).length).toBe(13);
  });

  it('labels by template, never by the raw path: an id stays out, a path no route serves is `unmatched`', async () => {
    await t.http.get('/v1/households/hh-not-a-real-one-4242/employment').set(admin()).expect(404);
    // Not through the checked agent: an undocumented path is the point.
    await request(t.app.getHttpServer()).get('/v1/no-such-route/secret-9876').expect(404);
    // Refused by the guards before any interceptor: still counted.
    await t.http.post('/v1/households').send(householdBody()).expect(401);
    const samples = await scrape();
    expect(
      requests(samples, { method: 'GET', route: '/v1/households/:id/employment', status_code: '404' }),
    ).toBe(1);
    expect(requests(samples, { method: 'GET', route: 'unmatched', status_code: '404' })).toBe(1);
    expect(requests(samples, { method: 'POST', route: '/v1/households', status_code: '401' })).toBe(1);
    expect(lastText).not.toContain('hh-not-a-real-one-4242');
    expect(lastText).not.toContain('no-such-route');
  });

  it('puts each projection at the command’s position once caught up: head equal, lag 0 events and 0 s', async () => {
    const { position } = await newStation();
    const at = (samples: MetricSample[], name: string, projection: string) =>
      valueOf(samples, name, { projection });
    const samples = await scrapeWhen((s) =>
      ['monitor', 'matching'].every((p) => at(s, 'projection_position', p) === Number(position)),
    );
    for (const projection of ['monitor', 'matching']) {
      expect({
        projection,
        position: at(samples, 'projection_position', projection),
        head: at(samples, 'projection_head_position', projection),
        events: at(samples, 'projection_lag_events', projection),
        seconds: at(samples, 'projection_lag_seconds', projection),
      }).toEqual({ projection, position: Number(position), head: Number(position), events: 0, seconds: 0 });
    }
  });

  it('counts the open cases by county and colour as the case list colours them, with no personal data', async () => {
    const office = (county: string) => bearer(t.tokens.county(county));
    const openCases = async (county: string, warning?: string) =>
      (
        await t.http
          .get(
            `/v1/counties/${county}/zero-employment-cases?status=open${warning ? `&warning=${warning}` : ''}`,
          )
          .set(office(county))
          .expect(200)
      ).body as { total: number; items: { caseId: string; householdId: string }[] };
    /** A household with labour and nobody employed: the monitor opens its case at once; its case id. */
    const caseOfNewHousehold = async (county: string) => {
      const members = [memberBody({ name: '王秀英' })];
      const { householdId } = (
        await t.http.post('/v1/households').set(admin()).send(householdBody(county, members)).expect(201)
      ).body as { householdId: string };
      for (let i = 0; i < 200; i++) {
        const found = (await openCases(county)).items.find((c) => c.householdId === householdId);
        if (found) return found.caseId;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`no case for ${householdId}`);
    };

    // Cases open at the time of the command; the colours are at the platform's clock: 4 days after now.
    const unattended = await caseOfNewHousehold(COUNTY); // no measure past the 3-day deadline: red
    const assisted = await caseOfNewHousehold(COUNTY); // measured in time, clearing due within 24 h: yellow
    await caseOfNewHousehold(OTHER_COUNTY); // under its county's 10 and 20 days: green
    await t.http
      .post(`/v1/zero-employment-cases/${encodeURIComponent(assisted)}/measures`)
      .set(office(COUNTY))
      .send({ kind: 'career_guidance', takenAt: new Date().toISOString() })
      .expect(201);
    await t.http
      .put(`/v1/counties/${OTHER_COUNTY}/case-deadlines`)
      .set(office(OTHER_COUNTY))
      .send({ assistWithinDays: 10, clearWithinDays: 20 })
      .expect(200);
    clock.set(new Date(Date.now() + 4 * DAY_MS).toISOString());

    const listed = async (county: string) =>
      Promise.all(WARNINGS.map(async (w) => (await openCases(county, w)).total));
    const expected: Record<string, number[]> = { [COUNTY]: [0, 1, 1], [OTHER_COUNTY]: [1, 0, 0] };
    // The measure and the deadlines reach the read store a moment after their commands.
    for (let i = 0; i < 40; i++) {
      if (
        JSON.stringify({ a: await listed(COUNTY), b: await listed(OTHER_COUNTY) }) ===
        JSON.stringify({ a: expected[COUNTY], b: expected[OTHER_COUNTY] })
      )
        break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const samples = await scrape();
    const cases = (county: string, warning: string) =>
      valueOf(samples, 'zero_employment_open_cases', { county, warning });
    for (const county of [COUNTY, OTHER_COUNTY]) {
      const metric = WARNINGS.map((w) => cases(county, w));
      expect({ county, metric }).toEqual({ county, metric: expected[county] });
      expect({ county, metric }).toEqual({ county, metric: await listed(county) });
    }
    // Every county has its three series, zeros included (88 counties), and no others.
    expect(samplesOf(samples, 'zero_employment_open_cases').length).toBe(88 * 3);
    expect(cases('520102', 'red')).toBe(0);
    expect(lastText).not.toContain(unattended);
    expect(lastText).not.toContain('王秀英');
  });

  it('counts the scheduler’s backlog by kind: due and not done, until the scheduler runs', async () => {
    const { stationId } = await newStation();
    const expiresAt = new Date(Date.parse(clock.now()) + DAY_MS).toISOString();
    const { position } = (
      await t.http
        .post('/v1/vacancies')
        .set(bearer(t.tokens.station(stationId)))
        .send(vacancyBody({ type: 'labour_station', id: stationId }, { expiresAt }))
        .expect(201)
    ).body as { position: string };
    const applied = (s: MetricSample[]) =>
      (valueOf(s, 'projection_position', { projection: 'monitor' }) ?? 0) >= Number(position);
    const due = (s: MetricSample[], kind: string) => valueOf(s, 'scheduler_due_items', { kind });

    const notYet = await scrapeWhen(applied);
    expect(due(notYet, 'vacancy_expiry')).toBe(0);
    expect(valueOf(notYet, 'scheduler_pending_items', { kind: 'vacancy_expiry' })).toBeGreaterThanOrEqual(1);

    clock.set(new Date(Date.parse(expiresAt) + 3600_000).toISOString());
    const overdue = await scrape();
    expect(due(overdue, 'vacancy_expiry')).toBe(1);
    expect(due(overdue, 'welfare_term_end')).toBe(0);
    expect(valueOf(overdue, 'scheduler_oldest_due_seconds', { kind: 'vacancy_expiry' })).toBe(3600);

    const runs = await t.app.get(SchedulerRuntime).runNow();
    const last = runs.flatMap((r) => r.appended).pop();
    expect(last).toBeDefined();
    const done = await scrapeWhen(
      (s) => (valueOf(s, 'projection_position', { projection: 'monitor' }) ?? 0) >= Number(last?.position),
    );
    expect(due(done, 'vacancy_expiry')).toBe(0);
    expect(valueOf(done, 'scheduler_oldest_due_seconds', { kind: 'vacancy_expiry' })).toBe(0);
  });

  // Last: it stops the monitor's projections.
  it('shows a projection that stopped as behind, in events and in seconds since the append', async () => {
    await scrapeWhen((s) => valueOf(s, 'projection_lag_events', { projection: 'monitor' }) === 0);
    await t.app.get(MonitorFeed).stop();
    await eventStoreOf(t.app).append(uniqueStream('metrics'), [newEvent()], 'no_stream');
    await new Promise((r) => setTimeout(r, 1200));
    const samples = await scrapeWhen(
      (s) => valueOf(s, 'projection_lag_events', { projection: 'matching' }) === 0,
    );
    expect(valueOf(samples, 'projection_lag_events', { projection: 'monitor' })).toBe(1);
    // Dated by the append itself (this process made it), not by the scrape that first saw it.
    expect(valueOf(samples, 'projection_lag_seconds', { projection: 'monitor' })).toBeGreaterThanOrEqual(1.2);
    expect(valueOf(samples, 'projection_lag_seconds', { projection: 'matching' })).toBe(0);
  });
});

describe('GET /metrics: access', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ rateLimit: { enabled: true, limit: 3, anonymousLimit: 3, windowMs: 60_000 } });
  });
  afterAll(() => t.close());

  it('answers without a token and is never rate limited, while the limits hold elsewhere', async () => {
    for (let i = 0; i < 8; i++) await t.http.get('/metrics').expect(200);
    const health = [];
    for (let i = 0; i < 5; i++) health.push((await t.http.get('/health')).status);
    expect(health).toContain(429);
  });

  it('is documented among the operations, as text', async () => {
    const doc = (await t.http.get('/docs/openapi.json').expect(200)).body as {
      paths: Record<
        string,
        Record<string, { tags?: string[]; responses: Record<string, { content?: object }> }>
      >;
    };
    const operation = doc.paths['/metrics']?.get;
    expect(operation?.tags).toEqual(['operations']);
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['text/plain']);
  });
});

import { get as httpGet, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CountyChangeFeed } from '../../apps/platform/src/monitor/county-change-feed';
import { COUNTY, OTHER_COUNTY, bearer, householdBody } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

interface StreamEvent {
  event: string;
  id: string;
  data: {
    figures: { countyCode: string; households: number; zeroEmploymentHouseholds: number; position: string };
    cases?: { type: string; householdId: string; openedAt: string; clearedAt: string | null }[];
    position?: string;
  };
}

/** A raw server-sent-events client: collects events and comment lines as they arrive. */
class StreamClient {
  readonly events: StreamEvent[] = [];
  comments = 0;
  /** Everything received, and a promise of the whole body once the server ends the response. */
  raw = '';
  readonly ended: Promise<string>;
  private buffer = '';
  private waiters: (() => void)[] = [];
  constructor(
    readonly request: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    this.ended = new Promise((resolve) => response.on('end', () => resolve(this.raw)));
    response.on('data', (chunk: string) => {
      this.raw += chunk;
      if (response.statusCode !== 200) return;
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\n\n')) >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        this.parse(block);
      }
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  private parse(block: string): void {
    if (block.startsWith(':')) {
      this.comments += 1;
      return;
    }
    const fields = Object.fromEntries(
      block.split('\n').map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
    );
    this.events.push({ event: fields.event, id: fields.id, data: JSON.parse(fields.data) });
  }

  /** Resolves once `predicate` holds, failing after `ms`. */
  async until(predicate: () => boolean, ms = 3000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!predicate()) {
      if (Date.now() > deadline)
        throw new Error(`Stream: condition not met; got ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  close(): void {
    this.request.destroy();
  }
}

describe('county employment stream (server-sent events)', () => {
  let t: TestApp;
  let port: number;
  const previousHeartbeat = process.env.SSE_HEARTBEAT_MS;

  const open = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; client: StreamClient; body: () => Promise<string> }>((resolve, reject) => {
      const request = httpGet({ host: '127.0.0.1', port, path, headers }, (response) => {
        const client = new StreamClient(request, response);
        resolve({ status: response.statusCode ?? 0, client, body: () => client.ended });
      });
      request.on('error', reject);
    });

  beforeAll(async () => {
    process.env.SSE_HEARTBEAT_MS = '100';
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    if (previousHeartbeat === undefined) delete process.env.SSE_HEARTBEAT_MS;
    else process.env.SSE_HEARTBEAT_MS = previousHeartbeat;
    await t.close();
  });

  it('sends the figures on connect, then a change with the case a new household opens; heartbeats; cleanup on disconnect', async () => {
    const office = t.tokens.county(COUNTY);
    // EventSource cannot send headers: the token comes in the query string on this route.
    const { status, client } = await open(`/v1/counties/${COUNTY}/employment/stream?access_token=${office}`);
    expect(status).toBe(200);
    await client.until(() => client.events.length >= 1);
    expect(client.events[0]).toMatchObject({
      event: 'snapshot',
      data: { figures: { countyCode: COUNTY, households: 0 } },
    });

    const registered = await t.http
      .post('/v1/households')
      .set(bearer(office))
      .send(householdBody())
      .expect(201);
    const { householdId } = registered.body as { householdId: string };
    await client.until(() =>
      client.events.some((e) =>
        e.data.cases?.some((c) => c.type === 'case_opened' && c.householdId === householdId),
      ),
    );
    const changes = client.events.filter((e) => e.event === 'change');
    const last = changes[changes.length - 1];
    expect(last.data.figures).toMatchObject({ households: 1, zeroEmploymentHouseholds: 1 });
    expect(BigInt(last.id)).toBeGreaterThan(BigInt(registered.body.position));
    const ids = client.events.map((e) => BigInt(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    await client.until(() => client.comments >= 1, 2000);

    const feed = t.app.get(CountyChangeFeed);
    expect(feed.listeners(COUNTY)).toBe(1);
    client.close();
    for (let i = 0; i < 50 && feed.listeners(COUNTY) > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(feed.listeners(COUNTY)).toBe(0);

    // The stream's case deliveries are reads of household data: logged.
    const log = await t.http
      .get(`/v1/access-log?subject=${householdId}`)
      .set(bearer(t.tokens.admin()))
      .expect(200);
    expect(log.body.items.map((r: { resource: string }) => r.resource)).toContain('county_employment_stream');
  });

  it('refuses another county’s office (403), a missing token (401) and an unknown county (404)', async () => {
    const other = await open(
      `/v1/counties/${COUNTY}/employment/stream?access_token=${t.tokens.county(OTHER_COUNTY)}`,
    );
    expect(other.status).toBe(403);
    expect(JSON.parse(await other.body()).error.code).toBe('forbidden');
    const none = await open(`/v1/counties/${COUNTY}/employment/stream`);
    expect(none.status).toBe(401);
    await none.body();
    const unknown = await open(`/v1/counties/520999/employment/stream`, bearer(t.tokens.admin()));
    expect(unknown.status).toBe(404);
    await unknown.body();
    // Left open on purpose: closing the app must end it (else afterAll's close would hang).
    const lingering = await open(`/v1/counties/${COUNTY}/employment/stream`, bearer(t.tokens.admin()));
    expect(lingering.status).toBe(200);
    // The query-string token is for the stream only.
    const elsewhere = await t.http.get(`/v1/counties/${COUNTY}/employment?access_token=${t.tokens.admin()}`);
    expect(elsewhere.status).toBe(401);
  });

  it('replays what happened while disconnected to a client reconnecting with Last-Event-ID, then goes live', async () => {
    const office = t.tokens.county(COUNTY);
    const first = await open(`/v1/counties/${COUNTY}/employment/stream`, bearer(office));
    await first.client.until(() => first.client.events.length >= 1);
    const lastSeen = first.client.events[first.client.events.length - 1].id;
    first.client.close();

    // Five households registered while the dashboard is away: five cases opened.
    const missed: string[] = [];
    let position = '0';
    for (let i = 0; i < 5; i++) {
      const res = await t.http.post('/v1/households').set(bearer(office)).send(householdBody()).expect(201);
      missed.push(res.body.householdId);
      position = res.body.position;
    }
    // The monitor appends the cases a moment after the commands: wait until it has.
    const waited = await t.http
      .get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`)
      .set(bearer(office))
      .set('X-Min-Position', position)
      .expect(200);
    expect(waited.body.items.length).toBeGreaterThanOrEqual(5);
    for (let i = 0; i < 50; i++) {
      const items = (
        await t.http.get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`).set(bearer(office))
      ).body.items as { householdId: string }[];
      if (missed.every((h) => items.some((c) => c.householdId === h))) break;
      await new Promise((r) => setTimeout(r, 20));
    }

    const again = await open(`/v1/counties/${COUNTY}/employment/stream`, {
      ...bearer(office),
      'Last-Event-ID': lastSeen,
    });
    await again.client.until(() => again.client.events.length >= 1);
    const [catchUp] = again.client.events;
    expect(catchUp.event).toBe('change');
    const opened = (catchUp.data.cases ?? [])
      .filter((c) => c.type === 'case_opened')
      .map((c) => c.householdId);
    expect(opened).toEqual(expect.arrayContaining(missed));
    // Then live.
    const live = await t.http.post('/v1/households').set(bearer(office)).send(householdBody()).expect(201);
    await again.client.until(() =>
      again.client.events.some((e) => e.data.cases?.some((c) => c.householdId === live.body.householdId)),
    );
    again.client.close();
  });

  it('ends the stream when its token expires', async () => {
    // 4 s (exp counts whole seconds, so 3 to 4 s left): room for a slow start, yet the test ends soon.
    const shortLived = t.tokens.sign({ sub: 'brief', role: 'county_office', countyCode: COUNTY }, 4);
    const { status, client, body } = await open(
      `/v1/counties/${COUNTY}/employment/stream`,
      bearer(shortLived),
    );
    expect(status).toBe(200);
    const raw = await body();
    expect(raw).toContain('event: token_expired');
    expect(client.events.map((e) => e.event)).toEqual(['snapshot', 'token_expired']);
  });
});

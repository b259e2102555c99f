import { COUNTY, bearer, eventStoreOf, householdBody } from './helpers/fixtures';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/** Read-your-writes: a query given X-Min-Position answers once its projection has reached it, or 503 after the wait. */
describe('read-your-writes (X-Min-Position)', () => {
  let t: TestApp;
  let office: string;
  const previous = process.env.MIN_POSITION_TIMEOUT_MS;

  beforeAll(async () => {
    process.env.MIN_POSITION_TIMEOUT_MS = '300';
    t = await startTestApp();
    office = t.tokens.county(COUNTY);
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.MIN_POSITION_TIMEOUT_MS;
    else process.env.MIN_POSITION_TIMEOUT_MS = previous;
    await t.close();
  });

  it('reads every write at once, command after command, never an older state', async () => {
    for (let i = 1; i <= 15; i++) {
      const posted = await t.http
        .post('/v1/households')
        .set(bearer(office))
        .send(householdBody())
        .expect(201);
      const { householdId, position } = posted.body as { householdId: string; position: string };
      const [household, county, cases] = await Promise.all([
        t.http
          .get(`/v1/households/${householdId}/employment`)
          .set(bearer(office))
          .set('X-Min-Position', position),
        t.http.get(`/v1/counties/${COUNTY}/employment`).set(bearer(office)).set('X-Min-Position', position),
        t.http
          .get(`/v1/counties/${COUNTY}/zero-employment-cases?limit=200`)
          .set(bearer(office))
          .set('X-Min-Position', position),
      ]);
      expect(household.status).toBe(200);
      expect(household.body.status).toBe('zero_employment');
      expect(county.body.households).toBe(i);
      expect(BigInt(county.body.position)).toBeGreaterThanOrEqual(BigInt(position));
      // The case is the monitor's own append after the command's position: covered by the same header.
      expect(cases.body.items.map((c: { householdId: string }) => c.householdId)).toContain(householdId);
    }
  });

  it('answers 503 not_ready with Retry-After when the position is beyond the head, after the configured wait', async () => {
    const head = await eventStoreOf(t.app).headPosition();
    const started = Date.now();
    const res = await t.http
      .get(`/v1/counties/${COUNTY}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', (head + 1000n).toString());
    const waited = Date.now() - started;
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('not_ready');
    expect(res.headers['retry-after']).toMatch(/^\d+$/);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3000);
  });

  it('refuses a header that is not a position (400) and checks auth before waiting (401)', async () => {
    const bad = await t.http
      .get(`/v1/counties/${COUNTY}/employment`)
      .set(bearer(office))
      .set('X-Min-Position', 'soon');
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].path).toBe('X-Min-Position');
    await t.http.get(`/v1/counties/${COUNTY}/employment`).set('X-Min-Position', '999999999').expect(401);
  });

  it('reports the projections in /ready with their position and the head', async () => {
    const ready = await t.http.get('/ready').expect(200);
    const head = (await eventStoreOf(t.app).headPosition()).toString();
    expect(ready.body.details.projections).toMatchObject({
      status: 'up',
      caughtUp: true,
      headPosition: head,
    });
  });
});

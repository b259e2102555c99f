import { Client } from 'pg';
import { describeWithPostgres } from '@lib/testing';
import { EMBEDDED_DEPLOYMENT } from '../../apps/platform/src/deployment/deployment.module';
import { COUNTY, bearer } from './helpers/fixtures';
import { ProbeController, ProbeModule } from './helpers/probe.module';
import { startTestApp, type TestApp } from './helpers/start-test-app';

/**
 * Two replicas of the platform behind one load balancer, their idempotency records, access log and match plans
 * in one PostgreSQL database (each still has its own data directory): whichever replica a request reaches
 * answers it the same.
 */
describeWithPostgres('two replicas on one PostgreSQL database', (databaseUrl) => {
  let a: TestApp;
  let b: TestApp;
  let running: TestApp[] = [];

  beforeAll(async () => {
    const deployment = { ...EMBEDDED_DEPLOYMENT, postgresUrl: databaseUrl() };
    running = await Promise.all([1, 2].map(() => startTestApp({ modules: [ProbeModule], deployment })));
    [a, b] = running;
  });
  afterAll(async () => {
    await Promise.all(running.splice(0).map((t) => t.close()));
  });
  beforeEach(() => {
    for (const t of [a, b]) t.app.get(ProbeController).executions = 0;
  });

  const command = { countyCode: COUNTY, openings: 3 };
  const sendKeyed = (t: TestApp, key: string, body: object = command) =>
    t.http
      .post('/test/commands')
      .set(bearer(t.tokens.county(COUNTY)))
      .set('Idempotency-Key', key)
      .send(body);
  const executions = () => [a, b].map((t) => t.app.get(ProbeController).executions);

  it('a retry reaching the other replica gets the first answer replayed, not executed again', async () => {
    const first = await sendKeyed(a, 'k-retry').expect(201);
    const retry = await sendKeyed(b, 'k-retry').expect(201).expect('Idempotent-Replay', 'true');
    expect(retry.body).toEqual(first.body);
    expect(executions()).toEqual([1, 0]);
    await sendKeyed(b, 'k-retry', { ...command, openings: 4 }).expect(422);
  });

  it('duplicates reaching both replicas at once execute once: the other gets 409', async () => {
    const slow = { ...command, delayMs: 300 };
    const [onA, onB] = await Promise.all([sendKeyed(a, 'k-both', slow), sendKeyed(b, 'k-both', slow)]);
    expect([onA.status, onB.status].sort()).toEqual([201, 409]);
    expect(executions().reduce((x, y) => x + y)).toBe(1);
    await sendKeyed(onA.status === 201 ? b : a, 'k-both', slow)
      .expect(201)
      .expect('Idempotent-Replay', 'true');
  });

  it('a plan made on one replica is read on the other, and both reads are in the one access log', async () => {
    const broker = a.tokens.broker([COUNTY]);
    const made = await a.http
      .post('/v1/match-plans')
      .set(bearer(broker))
      .send({ counties: [COUNTY] })
      .expect(201);
    const read = await b.http.get(`/v1/match-plans/${made.body.planId}`).set(bearer(broker)).expect(200);
    expect(read.body).toEqual(made.body);
    const log = await a.http
      .get(`/v1/access-log?actor=test-broker-${COUNTY}`)
      .set(bearer(a.tokens.admin()))
      .expect(200);
    expect(log.body.items.map((r: { resource: string }) => r.resource)).toEqual(['match_plan', 'match_plan']);
  });

  it('closing the replicas closes their connections', async () => {
    const connections = async (): Promise<number> => {
      const client = new Client({ connectionString: databaseUrl() });
      await client.connect();
      try {
        const { rows } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
        );
        return rows[0].n;
      } finally {
        await client.end();
      }
    };
    expect(await connections()).toBeGreaterThan(0);
    await Promise.all(running.splice(0).map((t) => t.close()));
    expect(await connections()).toBe(0);
  });
});

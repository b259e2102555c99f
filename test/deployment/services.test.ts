import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { InProcessEventBus } from '@lib/messaging';
import { matchingService } from '../../apps/matching/src/matching.service';
import { monitorService } from '../../apps/monitor/src/monitor.service';
import { postingsService } from '../../apps/postings/src/postings.service';
import { RelayRuntime } from '../../apps/relay/src/relay-runtime';
import { relayService } from '../../apps/relay/src/relay.service';
import { workforceService } from '../../apps/workforce/src/workforce.service';
import { MonitorFeed } from '../../apps/platform/src/monitor/monitor-feed';
import { MonitorRuntime } from '../../apps/platform/src/monitor/monitor-runtime';
import { SchedulerRuntime } from '../../apps/platform/src/scheduler/scheduler-runtime';
import { createServiceApp, type ServiceAppOptions } from '../../apps/platform/src/config/service-app';

/**
 * Each distributed service booted in process with the embedded adapters (no EVENTSTORE_URL, KAFKA_BROKERS,
 * MONGO_URL): it serves /health, /ready, the one OpenAPI document, its own routes (401 without a token),
 * and not the other services' (404).
 */
const ROUTES = {
  postings: ['post', '/v1/vacancies'],
  workforce: ['post', '/v1/households'],
  matching: ['post', '/v1/placements'],
  monitor: ['get', '/v1/counties/520402/employment'],
} as const;

const dirs: string[] = [];
const envFor = (): NodeJS.ProcessEnv => {
  const dir = mkdtempSync(join(tmpdir(), 'service-'));
  dirs.push(dir);
  return { DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT: '0' };
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function boot(options: ServiceAppOptions): Promise<INestApplication> {
  const { app } = await createServiceApp(options);
  await app.init();
  return app;
}

describe('distributed services, embedded adapters', () => {
  const factories = { postings: postingsService, workforce: workforceService, matching: matchingService, monitor: monitorService }; // prettier-ignore

  it.each(Object.keys(ROUTES) as (keyof typeof ROUTES)[])('%s serves its routes only', async (name) => {
    const app = await boot(factories[name](envFor()));
    try {
      const http = request(app.getHttpServer());
      await http.get('/health').expect(200);
      await http.get('/ready').expect(200);
      const doc = await http.get('/docs/openapi.json').expect(200);
      // One API description: every service serves the whole contract.
      expect(Object.keys(doc.body.paths)).toEqual(
        expect.arrayContaining(['/v1/vacancies', '/v1/households']),
      );
      for (const [other, [method, path]] of Object.entries(ROUTES)) {
        const response = await http[method](path).send({});
        expect({ other, status: response.status }).toEqual({ other, status: other === name ? 401 : 404 });
      }
    } finally {
      await app.close();
    }
  });

  it('monitor: runs the scheduler beside its own projections (one runner, not a second monitor)', async () => {
    const app = await boot(monitorService(envFor()));
    try {
      // A second MonitorModule instance would be a second runner writing the same read store.
      expect(app.get(MonitorFeed, { strict: false, each: true })).toHaveLength(1);
      expect(app.get(MonitorRuntime, { strict: false, each: true })).toHaveLength(1);
      const runs = await app.get(SchedulerRuntime, { strict: false }).runNow();
      expect(runs.map((r) => r.found)).toEqual([0]);
    } finally {
      await app.close();
    }
  });

  it('relay: creates the topics (the compose topic step), serves no API, and is ready', async () => {
    const bus = new InProcessEventBus();
    const app = await boot(relayService(envFor(), { bus: () => bus }));
    try {
      await app.get(RelayRuntime).whenStarted();
      const ready = await request(app.getHttpServer()).get('/ready').expect(200);
      expect(ready.body.details.relay.topicsCreated).toBe(true);
      await request(app.getHttpServer()).post('/v1/vacancies').send({}).expect(404);
    } finally {
      await app.close();
    }
  });
});

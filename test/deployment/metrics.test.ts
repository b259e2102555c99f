import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { matchingService } from '../../apps/matching/src/matching.service';
import { monitorService } from '../../apps/monitor/src/monitor.service';
import { postingsService } from '../../apps/postings/src/postings.service';
import { workforceService } from '../../apps/workforce/src/workforce.service';
import { createServiceApp } from '../../apps/platform/src/config/service-app';

/**
 * Every distributed service serves GET /metrics from the platform's shell: the request and append series
 * everywhere, and the series of what it runs only (the monitor's projections, open cases and scheduler backlog
 * in the monitor, the matching projection in matching).
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SERVICES = {
  postings: { factory: postingsService, projections: [], cases: false, scheduler: false },
  workforce: { factory: workforceService, projections: [], cases: false, scheduler: false },
  matching: { factory: matchingService, projections: ['matching'], cases: false, scheduler: false },
  monitor: { factory: monitorService, projections: ['monitor'], cases: true, scheduler: true },
} as const;

const names = (text: string) => new Set([...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]));
const projectionsIn = (text: string) =>
  [...text.matchAll(/^projection_position\{projection="([^"]+)"\}/gm)].map((m) => m[1]).sort();

describe('GET /metrics on each distributed service (embedded adapters)', () => {
  it.each(Object.keys(SERVICES) as (keyof typeof SERVICES)[])('%s', async (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'service-metrics-'));
    dirs.push(dir);
    const expected = SERVICES[name];
    const { app } = await createServiceApp(
      expected.factory({ DATA_DIR: dir, LOG_LEVEL: 'silent', RATE_LIMIT: '0' }),
    );
    await app.init();
    try {
      const http = request(app.getHttpServer());
      await http.get('/health').expect(200);
      const res = await http
        .get('/metrics')
        .expect(200)
        .expect('Content-Type', /^text\/plain/);
      const series = names(res.text);
      expect(res.text).toContain(
        'http_request_duration_seconds_count{method="GET",route="/health",status_code="200"} 1',
      );
      expect(series.has('event_store_append_duration_seconds')).toBe(true);
      expect(series.has('process_cpu_user_seconds_total')).toBe(true);
      expect({ name, projections: projectionsIn(res.text) }).toEqual({
        name,
        projections: [...expected.projections],
      });
      expect({ name, cases: series.has('zero_employment_open_cases') }).toEqual({
        name,
        cases: expected.cases,
      });
      expect({ name, scheduler: series.has('scheduler_due_items') }).toEqual({
        name,
        scheduler: expected.scheduler,
      });
    } finally {
      await app.close();
    }
  });
});

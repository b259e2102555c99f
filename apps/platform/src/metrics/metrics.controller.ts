import { Controller, Get, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '@lib/auth';
import { ApiDoc } from '@lib/http';
import { PlatformMetrics } from './platform-metrics';

export const METRICS_PATH = 'metrics';

/**
 * `GET /metrics`, the Prometheus exposition (docs/OPERATIONS.md, "Metrics"). No token, as Prometheus scrapes:
 * its labels hold no personal data (route templates, county codes, colours, kinds). Not counted against the
 * rate limits (both of app.module.ts's throttlers are skipped), so a scraper is never refused. Keep it off the
 * public ingress: the operator's network serves it to Prometheus only.
 */
@Public()
@SkipThrottle({ subject: true, anonymous: true })
@Controller()
export class MetricsController {
  constructor(private readonly metrics: PlatformMetrics) {}

  @Get(METRICS_PATH)
  @ApiDoc({
    summary: 'Prometheus metrics (text exposition format): latency, projection lag, open cases, backlog',
    description:
      'For the operator’s Prometheus, on the internal network; no token. The series and their labels are in ' +
      'docs/OPERATIONS.md. Not rate limited.',
    tags: ['operations'],
    responses: { 200: { description: 'The series, text format 0.0.4', contentType: 'text/plain' } },
  })
  async scrape(@Res() res: ServerResponse): Promise<void> {
    const body = await this.metrics.scrape();
    res.statusCode = 200;
    res.setHeader('Content-Type', this.metrics.contentType);
    res.setHeader('Cache-Control', 'no-store');
    res.end(body);
  }
}

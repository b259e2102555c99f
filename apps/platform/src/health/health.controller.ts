import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { z } from 'zod';
import { Public } from '@lib/auth';
import { ApiDoc } from '@lib/http';
import { ReadinessRegistry } from './readiness.registry';

const LivenessSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness' });
const ReadinessSchema = z
  .object({
    status: z.string(),
    /** Terminus's report: the checks that are up, those that are down (empty when ready), all of them. */
    info: z.record(z.string(), z.unknown()).optional(),
    error: z.record(z.string(), z.unknown()).optional(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'Readiness' });

@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
  ) {}

  @Get('health')
  @ApiDoc({
    summary: 'Liveness: the process answers',
    tags: ['operations'],
    responses: { 200: { description: 'Alive', schema: LivenessSchema } },
  })
  live(): z.infer<typeof LivenessSchema> {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiDoc({
    summary: 'Readiness: every registered check passes (event store reachable, projections caught up)',
    tags: ['operations'],
    responses: { 200: { description: 'Ready', schema: ReadinessSchema }, 503: { description: 'Not ready' } },
  })
  ready() {
    return this.health.check(
      this.registry.entries().map(([name, check]) => async (): Promise<HealthIndicatorResult> => {
        const session = this.indicators.check(name);
        try {
          const report = await check();
          return report.ready ? session.up(report.details ?? {}) : session.down(report.details ?? {});
        } catch (error) {
          return session.down({ message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  }
}

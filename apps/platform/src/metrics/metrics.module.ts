import { Global, Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { MetricsController } from './metrics.controller';
import { MetricsSources } from './metrics-sources';
import { PlatformMetrics } from './platform-metrics';

/**
 * `GET /metrics` and what feeds it: every request timed (the middleware runs before the guards, so refusals
 * are counted too), the event store's appends timed (EventStoreModule wraps its store with
 * `PlatformMetrics.instrument`), the scrape-time gauges of the capabilities this process runs. Global, so the
 * event store's factory finds `PlatformMetrics`.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [{ provide: PlatformMetrics, useFactory: () => new PlatformMetrics() }, MetricsSources],
  exports: [PlatformMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '*path', method: RequestMethod.ALL });
  }
}

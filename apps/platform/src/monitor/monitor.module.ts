import {
  DynamicModule,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
  type Provider,
} from '@nestjs/common';
import { CountyMonths, FiguresAsOf, type Clock } from '@lib/application';
import type { EventStore } from '@lib/event-store';
import { AccessLogModule } from '../access-log/access-log.module';
import { CLOCK } from '../clock/clock.module';
import { EVENT_STORE } from '../event-store/event-store.module';
import { CaseQueries } from '../cases/case-queries';
import { CaseWork } from '../cases/case-work.service';
import { CasesController } from '../cases/cases.controller';
import { FollowUpQueries } from '../follow-ups/follow-up-queries';
import { FollowUpsController } from '../follow-ups/follow-ups.controller';
import { CountyChangeFeed } from './county-change-feed';
import { CountyStreamController } from './county-stream.controller';
import { EmploymentController } from './employment.controller';
import { MonitorQueries } from './monitor-queries';
import { MONITOR_OPTIONS, monitorOptionsFromEnv } from './monitor-options';
import { MONITOR_READ_STORE, MonitorRuntime, readStoreProvider, runnerProvider } from './monitor-runtime';
import { MonitorFeed } from './monitor-feed';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import { streamTokenMiddleware } from './stream-token.middleware';
import { VacanciesQueryController } from './vacancies-query.controller';
import { DirectoryQueries } from '../employers/directory-queries';
import { EmployersQueryController } from '../employers/employers-query.controller';
import { WelfarePayrollController } from '../welfare-payroll/welfare-payroll.controller';
import { WelfarePayroll } from '../welfare-payroll/welfare-payroll.service';
import { MonthlyReportsController } from '../monthly-reports/monthly-reports.controller';
import { MonthlyReports } from '../monthly-reports/monthly-reports.service';

/**
 * The read side of the all-in-one platform: the employment monitor's projections (read store
 * `read-models.sqlite` in DATA_DIR or the deployment's, runner started at bootstrap), its queries, read-your-writes, the county event
 * stream, the access log of personal data reads, the county office's case work on the monitor's cases, and its
 * list of job-retention follow-ups due.
 */
@Module({
  imports: [AccessLogModule],
  controllers: [
    EmploymentController,
    CasesController,
    FollowUpsController,
    VacanciesQueryController,
    EmployersQueryController,
    CountyStreamController,
    WelfarePayrollController,
    MonthlyReportsController,
  ],
  providers: [
    { provide: MONITOR_OPTIONS, useFactory: () => monitorOptionsFromEnv(process.env) },
    readStoreProvider,
    runnerProvider,
    MonitorRuntime,
    MonitorQueries,
    DirectoryQueries,
    CaseQueries,
    CaseWork,
    FollowUpQueries,
    ReadYourWritesInterceptor,
    CountyChangeFeed,
    {
      provide: FiguresAsOf,
      inject: [EVENT_STORE, CLOCK],
      useFactory: (store: EventStore, clock: Clock) => new FiguresAsOf(store, clock),
    },
    WelfarePayroll,
    {
      provide: CountyMonths,
      inject: [EVENT_STORE, CLOCK],
      useFactory: (store: EventStore, clock: Clock) => new CountyMonths(store, clock),
    },
    MonthlyReports,
  ],
  // The scheduler reads the due items from this read store once the projections caught up.
  exports: [MONITOR_READ_STORE, MonitorFeed, MonitorRuntime],
})
export class MonitorModule implements NestModule {
  /**
   * The same module with another read store (`MONITOR_READ_STORE`) and feed (`MonitorFeed`): the distributed
   * monitor (apps/monitor) passes MongoDB and a Kafka consumer. A dynamic module's providers are registered
   * after the static ones, so these replace the SQLite store and the store-subscription runner.
   */
  static withFeed(providers: { readStore: Provider; feed: Provider }): DynamicModule {
    return { module: MonitorModule, providers: [providers.readStore, providers.feed] };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(streamTokenMiddleware)
      .forRoutes({ path: 'v1/counties/:code/employment/stream', method: RequestMethod.GET });
  }
}

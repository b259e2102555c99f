import { DynamicModule, Module, type Type } from '@nestjs/common';
import { MonitorModule } from '../monitor/monitor.module';
import { MONITOR_OPTIONS, monitorOptionsFromEnv } from '../monitor/monitor-options';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { ReportQueries } from './report-queries';
import { ReportsController } from './reports.controller';

/**
 * The reports by relocation site, labour station and workshop: read models kept in the monitor's read store
 * (the same module object the process serves, so the same store and feed), read-your-writes on its feed.
 */
@Module({})
export class ReportsModule {
  static beside(monitor: Type<MonitorModule> | DynamicModule): DynamicModule {
    return {
      module: ReportsModule,
      imports: [monitor],
      controllers: [ReportsController],
      providers: [
        { provide: MONITOR_OPTIONS, useFactory: () => monitorOptionsFromEnv(process.env) },
        ReadYourWritesInterceptor,
        ReportQueries,
      ],
    };
  }
}

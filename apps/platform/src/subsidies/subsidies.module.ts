import { DynamicModule, Module, type Type } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { MonitorModule } from '../monitor/monitor.module';
import { MONITOR_OPTIONS, monitorOptionsFromEnv } from '../monitor/monitor-options';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { SubsidyQueries } from './subsidy-queries';
import { SubsidyWork } from './subsidy-work.service';
import { TransportSubsidiesController } from './transport-subsidies.controller';

/**
 * The transport subsidy: its commands on the event store, its ledger on the monitor's read store. It reads
 * the read store of the very monitor module the process serves (importing the same module object shares it,
 * as the scheduler does), and its read-your-writes waits on that monitor's feed.
 */
@Module({})
export class SubsidiesModule {
  static beside(monitor: Type<MonitorModule> | DynamicModule): DynamicModule {
    return {
      module: SubsidiesModule,
      imports: [monitor, AccessLogModule],
      controllers: [TransportSubsidiesController],
      providers: [
        { provide: MONITOR_OPTIONS, useFactory: () => monitorOptionsFromEnv(process.env) },
        ReadYourWritesInterceptor,
        SubsidyQueries,
        SubsidyWork,
      ],
    };
  }
}

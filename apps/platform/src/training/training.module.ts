import { DynamicModule, Module, type Type } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import type { MonitorModule } from '../monitor/monitor.module';
import { MONITOR_OPTIONS, monitorOptionsFromEnv } from '../monitor/monitor-options';
import { ReadYourWritesInterceptor } from '../monitor/read-your-writes.interceptor';
import { TrainingController } from './training.controller';
import { TrainingQueries } from './training-queries';
import { TrainingWork } from './training-work.service';

/**
 * Skills training courses. The course list is a collection of the monitor's read store, so the module sits
 * beside the very monitor module the process serves (as the scheduler does) and shares its runner.
 */
@Module({})
export class TrainingModule {
  static beside(monitor: Type<MonitorModule> | DynamicModule): DynamicModule {
    return {
      module: TrainingModule,
      imports: [monitor, AccessLogModule],
      controllers: [TrainingController],
      providers: [
        // Read-your-writes waits as long as the monitor's own queries do.
        { provide: MONITOR_OPTIONS, useFactory: () => monitorOptionsFromEnv(process.env) },
        ReadYourWritesInterceptor,
        TrainingWork,
        TrainingQueries,
      ],
    };
  }
}

import { DynamicModule, Module, type Type } from '@nestjs/common';
import { SchedulerBacklogGauges } from '../metrics/scheduler-metrics';
import { MonitorModule } from '../monitor/monitor.module';
import { SCHEDULER_OPTIONS, schedulerOptionsFromEnv } from './scheduler-options';
import { SchedulerRuntime } from './scheduler-runtime';

/**
 * The scheduler: vacancies expire and public-welfare terms end on time. It reads the due items from the
 * monitor's read store, so it runs where the monitor's projections run, beside the very monitor module the
 * process serves (the all-in-one platform's, or the distributed monitor's on MongoDB and Kafka): importing the
 * same module object shares its runner instead of starting a second one.
 */
@Module({})
export class SchedulerModule {
  static beside(monitor: Type<MonitorModule> | DynamicModule): DynamicModule {
    return {
      module: SchedulerModule,
      imports: [monitor],
      providers: [
        { provide: SCHEDULER_OPTIONS, useFactory: () => schedulerOptionsFromEnv(process.env) },
        SchedulerRuntime,
        // scheduler_due_items and its kin on GET /metrics.
        SchedulerBacklogGauges,
      ],
      exports: [SchedulerRuntime],
    };
  }
}

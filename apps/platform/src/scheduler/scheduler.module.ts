import { Module } from '@nestjs/common';
import { MonitorModule } from '../monitor/monitor.module';
import { SCHEDULER_OPTIONS, schedulerOptionsFromEnv } from './scheduler-options';
import { SchedulerRuntime } from './scheduler-runtime';

/**
 * The scheduler of the all-in-one platform: vacancies expire and public-welfare terms end on time. It reads the
 * due items from the monitor's read store, so it runs where the monitor's projections run.
 */
@Module({
  imports: [MonitorModule],
  providers: [
    { provide: SCHEDULER_OPTIONS, useFactory: () => schedulerOptionsFromEnv(process.env) },
    SchedulerRuntime,
  ],
  exports: [SchedulerRuntime],
})
export class SchedulerModule {}

import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { EndEmploymentReportHandler } from './end-employment.handler';
import { AddWorkerHandler, RegisterHouseholdHandler, UpdateHouseholdHandler } from './household.handlers';
import { IdNumberHasher } from './id-number-hasher';
import { RecordTrainingHandler, ReportEmploymentHandler, UpdateWorkerHandler } from './worker.handlers';
import { WorkerServicesController } from './worker-services.controller';
import { WorkforceController } from './workforce.controller';

/** Household and worker commands, all on the household stream (ADR 0001). */
@Module({
  // The access log receives the refused registrations of people registered elsewhere (for the admin).
  imports: [CommandHandlingModule, AccessLogModule],
  controllers: [WorkforceController, WorkerServicesController],
  providers: [
    IdNumberHasher,
    RegisterHouseholdHandler,
    AddWorkerHandler,
    UpdateHouseholdHandler,
    UpdateWorkerHandler,
    RecordTrainingHandler,
    ReportEmploymentHandler,
    EndEmploymentReportHandler,
  ],
})
export class WorkforceModule {}

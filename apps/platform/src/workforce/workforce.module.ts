import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { EndEmploymentReportHandler } from './end-employment.handler';
import { AddWorkerHandler, RegisterHouseholdHandler } from './household.handlers';
import { IdNumberHasher } from './id-number-hasher';
import { RecordTrainingHandler, ReportEmploymentHandler, UpdateWorkerHandler } from './worker.handlers';
import { WorkforceController } from './workforce.controller';

/** Household and worker commands, all on the household stream (ADR 0001). */
@Module({
  imports: [CommandHandlingModule],
  controllers: [WorkforceController],
  providers: [
    IdNumberHasher,
    RegisterHouseholdHandler,
    AddWorkerHandler,
    UpdateWorkerHandler,
    RecordTrainingHandler,
    ReportEmploymentHandler,
    EndEmploymentReportHandler,
  ],
})
export class WorkforceModule {}

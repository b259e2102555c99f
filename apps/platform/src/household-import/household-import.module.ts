import { Module } from '@nestjs/common';
import { AccessLogModule } from '../access-log/access-log.module';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { IdNumberHasher } from '../workforce/id-number-hasher';
import { HouseholdImportController } from './household-import.controller';
import { HouseholdImportService } from './household-import.service';
import { ImportProgress } from './import-progress';

/** The household ledger in Excel: template, import (through the registration flow), progress. */
@Module({
  imports: [CommandHandlingModule, AccessLogModule],
  controllers: [HouseholdImportController],
  providers: [IdNumberHasher, HouseholdImportService, ImportProgress],
})
export class HouseholdImportModule {}

import type { ModuleImport } from './app.module';
import { DashboardModule } from './dashboard/dashboard.module';
import { HouseholdImportModule } from './household-import/household-import.module';
import { MatchingModule } from './matching/matching.module';
import { MonitorModule } from './monitor/monitor.module';
import { PeopleModule } from './people/people.module';
import { PlacementsModule } from './placements/placements.module';
import { PostingsModule } from './postings/postings.module';
import { SchedulerModule } from './scheduler/scheduler.module';
import { TrainingModule } from './training/training.module';
import { WorkforceModule } from './workforce/workforce.module';
import { SubsidiesModule } from './subsidies/subsidies.module';
import { ReportsModule } from './reports/reports.module';

/**
 * The capability modules the platform serves (postings, workforce, placements, monitor, …). Each
 * capability adds its module here, in one line; main.ts and the end-to-end harness both get them.
 */
export const CAPABILITY_MODULES: readonly ModuleImport[] = [
  PostingsModule,
  WorkforceModule,
  HouseholdImportModule,
  PlacementsModule,
  DashboardModule,
  MonitorModule,
  MatchingModule,
  PeopleModule,
  SchedulerModule.beside(MonitorModule),
  // Training courses (issue 15, item 3).
  TrainingModule.beside(MonitorModule),
  SubsidiesModule.beside(MonitorModule),
  // Reports by relocation site, labour station and workshop (issue 15, item 4).
  ReportsModule.beside(MonitorModule),
];

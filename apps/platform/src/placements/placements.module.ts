import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { EndPlacementHandler } from './end-placement.handler';
import { PlaceWorkerHandler } from './place-worker.handler';
import { FlowRecoveryAtStart } from './flow-recovery-at-start';
import { PlacementsController } from './placements.controller';
import { RecordFollowUpHandler } from './record-follow-up.handler';

/** Placing workers (the saga of ADR 0002), ending placements, their follow-ups, and recovery at start. */
@Module({
  imports: [CommandHandlingModule],
  controllers: [PlacementsController],
  providers: [PlaceWorkerHandler, EndPlacementHandler, RecordFollowUpHandler, FlowRecoveryAtStart],
})
export class PlacementsModule {}

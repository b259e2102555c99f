import { Module } from '@nestjs/common';
import { CommandHandlingModule } from '../command-handling/command-handling.module';
import { EndPlacementHandler } from './end-placement.handler';
import { PlaceWorkerHandler } from './place-worker.handler';
import { FlowRecoveryAtStart } from './flow-recovery-at-start';
import { PlacementsController } from './placements.controller';
import { RecordFollowUpHandler } from './record-follow-up.handler';
import { RenewWelfareTermHandler } from './renew-welfare-term.handler';
import { WelfareTermController } from './welfare-term.controller';

/**
 * Placing workers (the saga of ADR 0002), ending placements, their follow-ups, renewing welfare terms, and
 * recovery at start.
 */
@Module({
  imports: [CommandHandlingModule],
  controllers: [PlacementsController, WelfareTermController],
  providers: [
    PlaceWorkerHandler,
    EndPlacementHandler,
    RecordFollowUpHandler,
    RenewWelfareTermHandler,
    FlowRecoveryAtStart,
  ],
})
export class PlacementsModule {}

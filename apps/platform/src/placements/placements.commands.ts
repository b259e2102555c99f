import { Command } from '@nestjs/cqrs';
import type { EndPlacementBody, PlaceWorkerBody, RecordFollowUpBody } from '@contracts';
import type { WithPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';

export class PlaceWorkerCommand extends Command<WithPosition<{ placementId: string }>> {
  constructor(
    readonly body: PlaceWorkerBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class EndPlacementCommand extends Command<WithPosition<object>> {
  constructor(
    readonly placementId: string,
    readonly body: EndPlacementBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

export class RecordFollowUpCommand extends Command<WithPosition<object>> {
  constructor(
    readonly placementId: string,
    readonly body: RecordFollowUpBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}

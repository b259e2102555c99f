import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { labourStationDecider } from '@lib/domain/postings/labour-station.decider';
import { workshopDecider } from '@lib/domain/postings/workshop.decider';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { requireCountyOfficeAtSite } from '../command-handling/relocation-site';
import { labourStationStream, workshopStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import { CertifyWorkshopCommand, RegisterLabourStationCommand } from './postings.commands';

@CommandHandler(RegisterLabourStationCommand)
export class RegisterLabourStationHandler implements ICommandHandler<RegisterLabourStationCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: RegisterLabourStationCommand) {
    const stationId = randomUUID();
    const { position } = await decideAndAppend(
      this.store,
      labourStationStream(stationId),
      labourStationDecider,
      { type: 'RegisterLabourStation', stationId, ...body, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ stationId }, position);
  }
}

@CommandHandler(CertifyWorkshopCommand)
export class CertifyWorkshopHandler implements ICommandHandler<CertifyWorkshopCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ body, ctx }: CertifyWorkshopCommand) {
    requireCountyOfficeAtSite(ctx, body, 'A county office certifies workshops in its own county only');
    const workshopId = randomUUID();
    const { position } = await decideAndAppend(
      this.store,
      workshopStream(workshopId),
      workshopDecider,
      { type: 'CertifyWorkshop', workshopId, ...body, now: ctx.now },
      ctx.metadata,
    );
    return withPosition({ workshopId }, position);
  }
}

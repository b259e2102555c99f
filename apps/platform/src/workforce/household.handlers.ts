import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isCountyOffice, requireScope } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import { decideAndAppend } from '../command-handling/decide-and-append';
import { householdStream } from '../command-handling/stream-ids';
import { EVENT_STORE } from '../event-store/event-store.module';
import { IdNumberHasher } from './id-number-hasher';
import { requireHouseholdOffice } from './workforce-scope';
import { AddWorkerCommand, RegisterHouseholdCommand } from './workforce.commands';

/**
 * Registers a household with its members in one append (ADR 0001). Two households may hold the same ID
 * number: the check across households needs a claim stream per ID hash and an event type contracts/ does
 * not define yet (see the workforce README); within a household the decider refuses duplicates.
 */
@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hasher: IdNumberHasher,
  ) {}

  async execute({ body, ctx }: RegisterHouseholdCommand) {
    requireScope(
      isCountyOffice(ctx.principal, body.countyCode),
      'A county office registers households of its own county only',
    );
    const householdId = randomUUID();
    const { events, position } = await decideAndAppend(
      this.store,
      householdStream(householdId),
      householdDecider,
      {
        type: 'RegisterHousehold',
        householdId,
        countyCode: body.countyCode,
        relocationSiteId: body.relocationSiteId,
        // Employment a member already has is decided with the registration; its id is assigned here.
        members: body.members.map(({ currentEmployment, ...member }) => ({
          ...this.hasher.memberInput(member),
          ...(currentEmployment
            ? { currentEmployment: { employmentId: randomUUID(), ...currentEmployment } }
            : {}),
        })),
        now: ctx.now,
      },
      ctx.metadata,
    );
    const workerIds = events.flatMap((e) => (e.type === 'WorkerRegistered' ? [e.data.workerId] : []));
    return withPosition({ householdId, workerIds }, position);
  }
}

@CommandHandler(AddWorkerCommand)
export class AddWorkerHandler implements ICommandHandler<AddWorkerCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hasher: IdNumberHasher,
  ) {}

  async execute({ householdId, body, ctx }: AddWorkerCommand) {
    await requireHouseholdOffice(this.store, householdId, ctx);
    const { events, position } = await decideAndAppend(
      this.store,
      householdStream(householdId),
      householdDecider,
      { type: 'AddWorker', householdId, member: this.hasher.memberInput(body), now: ctx.now },
      ctx.metadata,
    );
    const added = events.find((e) => e.type === 'WorkerRegistered');
    return withPosition(
      { workerId: added?.type === 'WorkerRegistered' ? added.data.workerId : '' },
      position,
    );
  }
}

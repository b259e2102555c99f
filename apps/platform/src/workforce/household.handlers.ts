import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { ClaimedCommand } from '@lib/application';
import type { EventStore } from '@lib/event-store';
import { withPosition } from '@lib/http';
import type { CommandContext } from '../command-handling/command-context';
import { newHouseholdScopedId } from '../command-handling/household-scoped-id';
import { orReject } from '../command-handling/rejection';
import { requireCountyOfficeAtSite } from '../command-handling/relocation-site';
import { AccessLog } from '../access-log/access-log.service';
import { EVENT_STORE } from '../event-store/event-store.module';
import { IdNumberHasher } from './id-number-hasher';
import { registerHousehold, runLoggingRefusal } from './register-household';
import { requireHouseholdOffice } from './workforce-scope';
import { decideOnHousehold } from '../command-handling/decide-and-append';
import { AddWorkerCommand, RegisterHouseholdCommand, UpdateHouseholdCommand } from './workforce.commands';

/**
 * Registers a household with its members in one append (ADR 0001), after claiming each person for it
 * (ADR 0004): a person already registered in another household is refused.
 */
@CommandHandler(RegisterHouseholdCommand)
export class RegisterHouseholdHandler implements ICommandHandler<RegisterHouseholdCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly hasher: IdNumberHasher,
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ body, ctx }: RegisterHouseholdCommand) {
    requireCountyOfficeAtSite(ctx, body, 'A county office registers households of its own county only');
    const householdId = randomUUID();
    // Employment a member already has is decided with the registration; its id, naming the household, is
    // assigned here.
    const members = body.members.map(({ currentEmployment, ...member }) => ({
      ...this.hasher.memberInput(member),
      ...(currentEmployment
        ? { currentEmployment: { employmentId: newHouseholdScopedId(householdId), ...currentEmployment } }
        : {}),
    }));
    const { events, position } = orReject(
      await registerHousehold(
        this.store,
        this.accessLog,
        {
          householdId,
          countyCode: body.countyCode,
          relocationSiteId: body.relocationSiteId,
          address: body.address,
          members,
        },
        ctx,
      ),
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
    private readonly accessLog: AccessLog,
  ) {}

  async execute({ householdId, body, ctx }: AddWorkerCommand) {
    await requireHouseholdOffice(this.store, householdId, ctx);
    const member = this.hasher.memberInput(body);
    const hash = member.idNumberHash;
    const { events, position } = await underClaims(
      this.store,
      this.accessLog,
      householdId,
      [hash],
      ctx,
      (claims) => ({
        type: 'AddWorker',
        householdId,
        member,
        claimRevision: claims[hash],
        now: ctx.now,
      }),
    );
    const added = events.find((e) => e.type === 'WorkerRegistered');
    return withPosition(
      { workerId: added?.type === 'WorkerRegistered' ? added.data.workerId : '' },
      position,
    );
  }
}

/** The household's address, by the office of its county. */
@CommandHandler(UpdateHouseholdCommand)
export class UpdateHouseholdHandler implements ICommandHandler<UpdateHouseholdCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ householdId, body, ctx }: UpdateHouseholdCommand) {
    await requireHouseholdOffice(this.store, householdId, ctx);
    const { position } = await decideOnHousehold(
      this.store,
      householdId,
      { type: 'ChangeAddress', householdId, address: body.address, now: ctx.now },
      ctx,
    );
    return withPosition({}, position);
  }
}

/** The flow of ADR 0004 for one request; a refusal becomes its HTTP problem. */
async function underClaims(
  store: EventStore,
  accessLog: AccessLog,
  householdId: string,
  idNumberHashes: readonly string[],
  ctx: CommandContext,
  commandFor: ClaimedCommand['commandFor'],
) {
  const { now, metadata } = ctx;
  return orReject(
    await runLoggingRefusal(
      accessLog,
      { store, householdId, idNumberHashes, now, metadata, commandFor },
      ctx,
    ),
  );
}

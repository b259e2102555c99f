import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isCountyOffice, requireScope } from '@lib/auth';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { EventStore } from '@lib/event-store';
import type { ClaimRevisions, HouseholdCommand } from '@lib/domain/workforce/household.commands';
import type { HouseholdEvent } from '@lib/domain/workforce/household.state';
import { loadState } from '@lib/event-store/command-handling/decider-runner';
import { HttpProblem, withPosition } from '@lib/http';
import { type Appended, decideAndAppend } from '../command-handling/decide-and-append';
import { orReject } from '../command-handling/rejection';
import { householdStream } from '@contracts';
import { EVENT_STORE } from '../event-store/event-store.module';
import type { CommandContext } from '../command-handling/command-context';
import { IdNumberHasher } from './id-number-hasher';
import { claimResidents, releaseResidents } from './resident-claims';
import { requireHouseholdOffice } from './workforce-scope';
import { AddWorkerCommand, RegisterHouseholdCommand } from './workforce.commands';

/**
 * Registers a household with its members in one append (ADR 0001), after claiming each person for it
 * (ADR 0004): a person already registered in another household is refused.
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
    // Employment a member already has is decided with the registration; its id is assigned here.
    const members = body.members.map(({ currentEmployment, ...member }) => ({
      ...this.hasher.memberInput(member),
      ...(currentEmployment
        ? { currentEmployment: { employmentId: randomUUID(), ...currentEmployment } }
        : {}),
    }));
    const hashes = [...new Set(members.map((m) => m.idNumberHash))];
    const { events, position } = await withClaims(this.store, householdId, hashes, ctx, (claims) => ({
      type: 'RegisterHousehold',
      householdId,
      countyCode: body.countyCode,
      relocationSiteId: body.relocationSiteId,
      members,
      claimRevisions: claims,
      now: ctx.now,
    }));
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
    const member = this.hasher.memberInput(body);
    const hash = member.idNumberHash;
    const { events, position } = await withClaims(this.store, householdId, [hash], ctx, (claims) => ({
      type: 'AddWorker',
      householdId,
      member,
      claimRevision: claims[hash],
      now: ctx.now,
    }));
    const added = events.find((e) => e.type === 'WorkerRegistered');
    return withPosition(
      { workerId: added?.type === 'WorkerRegistered' ? added.data.workerId : '' },
      position,
    );
  }
}

/**
 * Runs a household command under claims on its people (ADR 0004). The command is first decided on the
 * household's current state as if every claim were held: one the household refuses anyway claims nobody,
 * so a refused command appends nothing. A command refused after claiming (a 4xx: nothing appended to the
 * household) frees the claims it made; any other failure keeps them, since the household may have
 * committed: a claim left behind is voided and taken over safely by the next registration of the person.
 */
async function withClaims(
  store: EventStore,
  householdId: string,
  idNumberHashes: readonly string[],
  ctx: CommandContext,
  commandFor: (claims: ClaimRevisions) => HouseholdCommand,
): Promise<Appended<HouseholdEvent>> {
  const stream = householdStream(householdId);
  const { state } = await loadState(store, stream, householdDecider);
  const unclaimed = Object.fromEntries(idNumberHashes.map((h) => [h, Number.MAX_SAFE_INTEGER]));
  orReject(householdDecider.decide(commandFor(unclaimed), state));
  const claims = await claimResidents(store, householdId, idNumberHashes, ctx.now, ctx.metadata);
  try {
    return await decideAndAppend(store, stream, householdDecider, commandFor(claims.revisions), ctx.metadata);
  } catch (error) {
    if (error instanceof HttpProblem && error.getStatus() < 500) {
      await releaseResidents(store, householdId, claims.fresh, ctx.now, ctx.metadata);
    }
    throw error;
  }
}

/**
 * One person, one household (ADR 0004): each person is claimed for a household (stream `resident-<hash>`)
 * before the household stream records them; the household stream is the commit point. A claim a crash left
 * behind (claimed, never committed) is compensated by the next registration of the person: it voids the claim
 * on the household that never committed it, so that one can no longer commit, and takes the person over.
 */
import { householdStream, residentStream, type EventMetadata } from '@contracts';
import type { ClaimRevisions, HouseholdCommand } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import type { HouseholdEvent } from '@lib/domain/workforce/household.state';
import { residentClaimDecider } from '@lib/domain/workforce/resident-claim.decider';
import {
  ConcurrencyConflictError,
  loadState,
  runDecider,
  type AppendedEvent,
  type EventStore,
  type Position,
} from '@lib/event-store';
import { FlowRefused, orRefuse, refusalsAsValues, type FlowOutcome } from '../shared/flow-outcome';

/** Voiding and re-claiming can lose to other registrations a few times; then the client retries. */
const MAX_TAKEOVERS = 5;

export interface ClaimedCommand {
  readonly store: EventStore;
  readonly householdId: string;
  /** The keyed hashes of the ID numbers of the people the command records. */
  readonly idNumberHashes: readonly string[];
  readonly now: string;
  readonly metadata: EventMetadata;
  /** The household command, given the claim revision held on each person. */
  readonly commandFor: (claims: ClaimRevisions) => HouseholdCommand;
}

export type ClaimedOutcome = FlowOutcome<{
  readonly events: readonly AppendedEvent<HouseholdEvent>[];
  readonly position: Position;
}>;

/**
 * Runs a household command under claims on its people. The command is first decided on the household's
 * current state as if every claim were held: one the household refuses anyway claims nobody, so a refused
 * command appends nothing. A command refused after claiming (nothing appended to the household) frees the
 * claims it made; any other failure keeps them, since the household may have committed.
 */
export function runUnderClaims(input: ClaimedCommand): Promise<ClaimedOutcome> {
  const { store, householdId, idNumberHashes, commandFor } = input;
  return refusalsAsValues(async () => {
    const stream = householdStream(householdId);
    const { state } = await loadState(store, stream, householdDecider);
    const unclaimed = Object.fromEntries(idNumberHashes.map((h) => [h, Number.MAX_SAFE_INTEGER]));
    orRefuse(householdDecider.decide(commandFor(unclaimed), state));
    const claims = await claimResidents(input);
    try {
      const decided = await runDecider({
        store,
        streamId: stream,
        decider: householdDecider,
        command: commandFor(claims.revisions),
        metadata: input.metadata,
      });
      if (!decided.ok) await releaseResidents(input, claims.fresh);
      return decided.ok ? { ok: true, events: decided.events, position: decided.position } : decided;
    } catch (error) {
      // The runner gave up after losing every race: nothing was appended, the claims are free to go.
      if (error instanceof ConcurrencyConflictError) await releaseResidents(input, claims.fresh);
      throw error;
    }
  });
}

/**
 * The reads runUnderClaims makes before its first append, without appending: the refusal it would answer
 * now (the household decider's, or a person another household committed), or ok. A write between this check
 * and the run can still make the run refuse.
 */
export function checkUnderClaims(input: ClaimedCommand): Promise<FlowOutcome<object>> {
  const { store, householdId, idNumberHashes, commandFor } = input;
  return refusalsAsValues(async () => {
    const { state } = await loadState(store, householdStream(householdId), householdDecider);
    const unclaimed = Object.fromEntries(idNumberHashes.map((h) => [h, Number.MAX_SAFE_INTEGER]));
    orRefuse(householdDecider.decide(commandFor(unclaimed), state));
    await refuseRegisteredElsewhere(input);
    return { ok: true };
  });
}

interface HeldClaims {
  /** The claim revision held on each ID hash, for the household command. */
  readonly revisions: ClaimRevisions;
  /** The claims this call made (not the ones the household already held): released if the command fails. */
  readonly fresh: readonly string[];
}

/**
 * Claims each person for the household. A person held by another household is refused (409
 * person_already_registered) when that household committed them; a claim that never committed (its
 * registration crashed or is still in flight) is voided in its household stream and taken over.
 */
async function claimResidents(input: ClaimedCommand): Promise<HeldClaims> {
  const { idNumberHashes } = input;
  await refuseRegisteredElsewhere(input);
  const outcomes = await Promise.allSettled(idNumberHashes.map((hash) => claimResident(input, hash)));
  const revisions: Record<string, number> = {};
  const fresh: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status !== 'fulfilled') return;
    revisions[idNumberHashes[i]] = outcome.value.claimRevision;
    if (outcome.value.fresh) fresh.push(idNumberHashes[i]);
  });
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) {
    await releaseResidents(input, fresh);
    throw failed.reason;
  }
  return { revisions, fresh };
}

/**
 * Reads before writing: a person another household holds is refused without appending anything (the usual
 * refusal). Races past this check are settled by the claim appends themselves.
 */
async function refuseRegisteredElsewhere({ store, householdId, idNumberHashes, now }: ClaimedCommand) {
  const holders = await Promise.all(
    idNumberHashes.map(async (idNumberHash) => {
      const { state } = await loadState(store, residentStream(idNumberHash), residentClaimDecider);
      return { idNumberHash, holder: state.holder };
    }),
  );
  for (const { idNumberHash, holder } of holders) {
    if (!holder || holder.householdId === householdId) continue;
    const { state } = await loadState(store, householdStream(holder.householdId), householdDecider);
    orRefuse(householdDecider.decide({ type: 'VoidResidentClaim', idNumberHash, ...holder, now }, state));
  }
}

/**
 * Frees claims whose registration was refused. Best effort: a claim left behind (a crash here) is voided and
 * taken over by the next registration of the person.
 */
async function releaseResidents(
  { store, householdId, now, metadata }: ClaimedCommand,
  idNumberHashes: readonly string[],
): Promise<void> {
  await Promise.allSettled(
    idNumberHashes.map((idNumberHash) =>
      runDecider({
        store,
        streamId: residentStream(idNumberHash),
        decider: residentClaimDecider,
        command: { type: 'ReleaseResident', idNumberHash, householdId, now },
        metadata,
      }),
    ),
  );
}

async function claimResident(
  { store, householdId, now, metadata }: ClaimedCommand,
  idNumberHash: string,
): Promise<{ claimRevision: number; fresh: boolean }> {
  let supersedes: { householdId: string; claimRevision: number } | undefined;
  for (let round = 0; round <= MAX_TAKEOVERS; round++) {
    const claimed = await runDecider({
      store,
      streamId: residentStream(idNumberHash),
      decider: residentClaimDecider,
      command: {
        type: 'ClaimResident',
        idNumberHash,
        householdId,
        now,
        ...(supersedes ? { supersedes } : {}),
      },
      metadata,
    });
    if (claimed.ok) {
      const holder = claimed.state.holder;
      if (!holder) throw new Error(`Claim on ${residentStream(idNumberHash)} accepted without a holder`);
      return { claimRevision: holder.claimRevision, fresh: claimed.events.length > 0 };
    }
    const holder = holderOf(claimed.rejection.details);
    if (!holder) throw new FlowRefused(claimed.rejection);
    supersedes = holder;
    // Refused (person_already_registered, with worker and county) when the holder committed the person.
    orRefuse(
      await runDecider({
        store,
        streamId: householdStream(holder.householdId),
        decider: householdDecider,
        command: { type: 'VoidResidentClaim', idNumberHash, ...holder, now },
        metadata,
      }),
    );
  }
  throw new ConcurrencyConflictError(residentStream(idNumberHash), MAX_TAKEOVERS);
}

function holderOf(details: Readonly<Record<string, unknown>> | undefined) {
  const householdId = details?.householdId;
  const claimRevision = details?.claimRevision;
  return typeof householdId === 'string' && typeof claimRevision === 'number'
    ? { householdId, claimRevision }
    : undefined;
}

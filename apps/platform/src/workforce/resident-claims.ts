import type { EventMetadata } from '@contracts';
import type { ClaimRevisions } from '@lib/domain/workforce/household.commands';
import { householdDecider } from '@lib/domain/workforce/household.decider';
import { residentClaimDecider } from '@lib/domain/workforce/resident-claim.decider';
import {
  ConcurrencyConflictError,
  loadState,
  runDecider,
} from '@lib/event-store/command-handling/decider-runner';
import type { EventStore } from '@lib/event-store';
import { concurrencyProblem } from '../command-handling/decide-and-append';
import { orReject } from '../command-handling/rejection';
import { householdStream, residentStream } from '@contracts';

/** Voiding and re-claiming can lose to other registrations a few times; then the client retries. */
const MAX_TAKEOVERS = 5;

export interface HeldClaims {
  /** The claim revision held on each ID hash, for the household command. */
  readonly revisions: ClaimRevisions;
  /** The claims this call made (not the ones the household already held): released if the command fails. */
  readonly fresh: readonly string[];
}

/**
 * Claims each person for a household before the household stream records them (ADR 0004). A person held
 * by another household is refused (409 person_already_registered) when that household committed them;
 * a claim that never committed (its registration crashed or is still in flight) is voided in its
 * household stream — so that registration can no longer commit — and taken over.
 */
export async function claimResidents(
  store: EventStore,
  householdId: string,
  idNumberHashes: readonly string[],
  now: string,
  metadata: EventMetadata,
): Promise<HeldClaims> {
  await refuseRegisteredElsewhere(store, householdId, idNumberHashes, now);
  const outcomes = await Promise.allSettled(
    idNumberHashes.map((hash) => claimResident(store, householdId, hash, now, metadata)),
  );
  const revisions: Record<string, number> = {};
  const fresh: string[] = [];
  outcomes.forEach((outcome, i) => {
    if (outcome.status !== 'fulfilled') return;
    revisions[idNumberHashes[i]] = outcome.value.claimRevision;
    if (outcome.value.fresh) fresh.push(idNumberHashes[i]);
  });
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) {
    await releaseResidents(store, householdId, fresh, now, metadata);
    throw failed.reason;
  }
  return { revisions, fresh };
}

/**
 * Reads before writing: a person another household holds is refused without appending anything (the
 * usual refusal). Races past this check are settled by the claim appends themselves.
 */
async function refuseRegisteredElsewhere(
  store: EventStore,
  householdId: string,
  idNumberHashes: readonly string[],
  now: string,
): Promise<void> {
  const holders = await Promise.all(
    idNumberHashes.map(async (idNumberHash) => {
      const { state } = await loadState(store, residentStream(idNumberHash), residentClaimDecider);
      return { idNumberHash, holder: state.holder };
    }),
  );
  for (const { idNumberHash, holder } of holders) {
    if (!holder || holder.householdId === householdId) continue;
    const { state } = await loadState(store, householdStream(holder.householdId), householdDecider);
    orReject(householdDecider.decide({ type: 'VoidResidentClaim', idNumberHash, ...holder, now }, state));
  }
}

/**
 * Frees claims whose registration was refused. Best effort: a claim left behind (a crash here) is
 * voided and taken over by the next registration of the person.
 */
export async function releaseResidents(
  store: EventStore,
  householdId: string,
  idNumberHashes: readonly string[],
  now: string,
  metadata: EventMetadata,
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
  store: EventStore,
  householdId: string,
  idNumberHash: string,
  now: string,
  metadata: EventMetadata,
): Promise<{ claimRevision: number; fresh: boolean }> {
  let supersedes: { householdId: string; claimRevision: number } | undefined;
  try {
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
      if (!holder) return orReject(claimed);
      supersedes = holder;
      // Refused (person_already_registered, with worker and county) when the holder committed the person.
      orReject(
        await runDecider({
          store,
          streamId: householdStream(holder.householdId),
          decider: householdDecider,
          command: { type: 'VoidResidentClaim', idNumberHash, ...holder, now },
          metadata,
        }),
      );
    }
  } catch (error) {
    throw error instanceof ConcurrencyConflictError ? concurrencyProblem(error) : error;
  }
  throw concurrencyProblem(new ConcurrencyConflictError(residentStream(idNumberHash), MAX_TAKEOVERS));
}

function holderOf(details: Readonly<Record<string, unknown>> | undefined) {
  const householdId = details?.householdId;
  const claimRevision = details?.claimRevision;
  return typeof householdId === 'string' && typeof claimRevision === 'number'
    ? { householdId, claimRevision }
    : undefined;
}

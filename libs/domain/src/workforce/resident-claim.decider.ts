import type { EventsOfStream } from '@contracts';
import { accept, alreadyDone, assertNever, type Decider, type Decision, reject } from '../shared/decider';

/** The events of a claim stream `resident-<idNumberHash>`: who holds one person (ADR 0004). */
export type ResidentClaimEvent = EventsOfStream<'resident'>;

export interface ResidentClaimState {
  /** Events in the claim stream so far: the next event's revision (the stream holds only these). */
  readonly eventCount: number;
  /** The household holding the person, and the revision of the ResidentIdClaimed that made the claim. */
  readonly holder?: { readonly householdId: string; readonly claimRevision: number };
}

export type ResidentClaimCommand =
  | {
      readonly type: 'ClaimResident';
      readonly idNumberHash: string;
      readonly householdId: string;
      /**
       * Set only after the holder's claim was voided in its household stream (it never committed): the
       * claim replaces exactly that one, and a claim made since is not overridden.
       */
      readonly supersedes?: { readonly householdId: string; readonly claimRevision: number };
      readonly now: string;
    }
  | {
      readonly type: 'ReleaseResident';
      readonly idNumberHash: string;
      readonly householdId: string;
      readonly now: string;
    };

export const residentClaimDecider: Decider<ResidentClaimCommand, ResidentClaimState, ResidentClaimEvent> = {
  initialState: () => ({ eventCount: 0 }),
  evolve({ eventCount }, event) {
    switch (event.type) {
      case 'ResidentIdClaimed':
        return {
          eventCount: eventCount + 1,
          holder: { householdId: event.data.householdId, claimRevision: eventCount },
        };
      case 'ResidentIdReleased':
        return { eventCount: eventCount + 1 };
      default:
        return assertNever(event);
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'ClaimResident':
        return claim(command, state);
      case 'ReleaseResident':
        // Only the holder releases; anything else means the claim already moved on.
        if (state.holder?.householdId !== command.householdId) return alreadyDone();
        return accept({
          type: 'ResidentIdReleased',
          data: {
            idNumberHash: command.idNumberHash,
            householdId: command.householdId,
            releasedAt: command.now,
          },
        });
      default:
        return assertNever(command);
    }
  },
};

function claim(
  command: Extract<ResidentClaimCommand, { type: 'ClaimResident' }>,
  state: ResidentClaimState,
): Decision<ResidentClaimEvent> {
  const { idNumberHash, householdId, supersedes, now } = command;
  const { holder } = state;
  if (holder) {
    if (holder.householdId === householdId) return alreadyDone();
    const replacesThisClaim =
      supersedes?.householdId === holder.householdId && supersedes.claimRevision === holder.claimRevision;
    if (!replacesThisClaim) {
      return reject('person_already_registered', 'This person is already claimed by another household', {
        ...holder,
      });
    }
  }
  return accept({
    type: 'ResidentIdClaimed',
    data: {
      idNumberHash,
      householdId,
      ...(holder ? { supersedes: holder.householdId } : {}),
      claimedAt: now,
    },
  });
}

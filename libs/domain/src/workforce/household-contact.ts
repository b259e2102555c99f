import type { EventOfType } from '@contracts';
import { accept, alreadyDone, type Decision, reject } from '../shared/decider';
import type { ChangeAddress, MemberInput, RecordContact } from './household.commands';
import type { HouseholdEvent, RegisteredHousehold, WorkerState } from './household.state';

/**
 * A member's phone and relation to the head, each its own event after the member's WorkerRegistered (in the
 * same append): WorkerRegistered keeps its shape, and a phone can change later without touching it.
 */
export function memberDetailsRecorded(
  member: Pick<MemberInput, 'phone' | 'relationToHead'>,
  ids: { workerId: string; householdId: string },
  now: string,
): HouseholdEvent[] {
  const events: HouseholdEvent[] = [];
  if (member.phone !== undefined) {
    events.push({ type: 'MemberContactRecorded', data: { ...ids, phone: member.phone, recordedAt: now } });
  }
  if (member.relationToHead !== undefined) {
    events.push({
      type: 'MemberRelationRecorded',
      data: { ...ids, relationToHead: member.relationToHead, recordedAt: now },
    });
  }
  return events;
}

/** The member fields WorkerRegistered does not carry. */
export function withoutDetails<M extends MemberInput>(member: M): Omit<M, 'phone' | 'relationToHead'> {
  const { phone: _phone, relationToHead: _relation, ...rest } = member;
  return rest;
}

/** A household has one head at most: a second one is refused on the member's relationToHead. */
export function secondHeadRefusal(
  members: readonly Pick<MemberInput, 'relationToHead'>[],
  existing: Iterable<WorkerState> = [],
): Decision<never> | undefined {
  const heads =
    [...existing].filter((w) => w.relationToHead === 'head').length +
    members.filter((m) => m.relationToHead === 'head').length;
  if (heads <= 1) return undefined;
  return reject('invalid_value', 'A household has one head of household', { field: 'relationToHead' });
}

/** The same phone again appends nothing. */
export function recordContact(
  command: RecordContact,
  state: RegisteredHousehold,
  worker: WorkerState,
): Decision<HouseholdEvent> {
  if (worker.phone === command.phone) return alreadyDone();
  const event: EventOfType<'MemberContactRecorded'> = {
    type: 'MemberContactRecorded',
    data: {
      workerId: worker.workerId,
      householdId: state.householdId,
      phone: command.phone,
      recordedAt: command.now,
    },
  };
  return accept(event);
}

/** The same address again appends nothing. */
export function changeAddress(command: ChangeAddress, state: RegisteredHousehold): Decision<HouseholdEvent> {
  if (state.address === command.address) return alreadyDone();
  return accept({
    type: 'HouseholdAddressChanged',
    data: { householdId: state.householdId, address: command.address, changedAt: command.now },
  });
}

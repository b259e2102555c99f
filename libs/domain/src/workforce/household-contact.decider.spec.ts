import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import { householdDecider } from './household.decider';
import {
  householdRegistered,
  member,
  REGISTERED_AT as now,
  registerHouseholdCommand,
} from './household.fixtures';
import type { HouseholdEvent } from './household.state';

const LATER = '2026-04-01T08:00:00Z';
const registered = householdRegistered();
const contact = (workerId: string, phone: string, recordedAt = now): HouseholdEvent => ({
  type: 'MemberContactRecorded',
  data: { workerId, householdId: 'h1', phone, recordedAt },
});
const head = (workerId: string): HouseholdEvent => ({
  type: 'MemberRelationRecorded',
  data: { workerId, householdId: 'h1', relationToHead: 'head', recordedAt: now },
});

describe('household decider: address, phones and the head of household', () => {
  describe('registration', () => {
    it('keeps the address on the registration, and each phone and relation after its worker, in one decision', () => {
      const command = {
        ...registerHouseholdCommand('h1', [
          member(1, { phone: '13812345678', relationToHead: 'head' }),
          member(2, { relationToHead: 'spouse' }),
        ]),
        address: '3栋2单元501',
      };
      const decision = householdDecider.decide(command, householdDecider.initialState());
      if (!decision.ok) throw new Error(decision.rejection.message);
      expect(decision.events.map((e) => e.type)).toEqual([
        'HouseholdRegistered',
        'WorkerRegistered',
        'MemberContactRecorded',
        'MemberRelationRecorded',
        'WorkerRegistered',
        'MemberRelationRecorded',
      ]);
      expect(decision.events[0].data).toMatchObject({ address: '3栋2单元501' });
      expect(decision.events[2].data).toEqual({
        workerId: 'h1.1',
        householdId: 'h1',
        phone: '13812345678',
        recordedAt: now,
      });
      // The registration itself carries neither: its schema is strict, so it would not encode.
      expect(decision.events[1].data).not.toHaveProperty('phone');
      expect(decision.events[1].data).not.toHaveProperty('relationToHead');
      for (const event of decision.events) expect(() => encodeEvent(event)).not.toThrow();
    });
    it('appends no details for a member who gave none (the registration as before)', () => {
      given(householdDecider).when(registerHouseholdCommand()).then(registered);
    });
    it('refuses two heads of household, naming relationToHead', () => {
      given(householdDecider)
        .when(
          registerHouseholdCommand('h1', [
            member(1, { relationToHead: 'head' }),
            member(2, { relationToHead: 'head' }),
          ]),
        )
        .thenRejects('invalid_value', /one head/, { field: 'relationToHead' });
    });
  });

  describe('adding a worker', () => {
    const add = (relationToHead: 'head' | 'child') => ({
      type: 'AddWorker' as const,
      householdId: 'h1',
      member: member(3, { relationToHead, phone: '15900001111' }),
      claimRevision: 0,
      now,
    });
    it('records the new member’s phone and relation with it', () => {
      const decision = householdDecider.decide(add('child'), foldRegistered([]));
      expect(decision.ok && decision.events.map((e) => e.type)).toEqual([
        'WorkerRegistered',
        'MemberContactRecorded',
        'MemberRelationRecorded',
      ]);
    });
    it('refuses a second head when the household has one', () => {
      given(householdDecider, [...registered, head('h1.1')])
        .when(add('head'))
        .thenRejects('invalid_value', /one head/, { field: 'relationToHead' });
    });
  });

  describe('a phone changed later', () => {
    const record = (phone: string) => ({
      type: 'RecordContact' as const,
      workerId: 'h1.2',
      phone,
      now: LATER,
    });
    it('records a new phone', () => {
      given(householdDecider, registered)
        .when(record('13900002222'))
        .then([contact('h1.2', '13900002222', LATER)]);
    });
    it('appends nothing for the phone it already has', () => {
      given(householdDecider, [...registered, contact('h1.2', '13900002222')])
        .when(record('13900002222'))
        .thenNothing();
    });
    it('records a change from the phone it had', () => {
      given(householdDecider, [...registered, contact('h1.2', '13900002222')])
        .when(record('13700003333'))
        .then([contact('h1.2', '13700003333', LATER)]);
    });
    it('refuses an unknown worker and an unregistered household', () => {
      given(householdDecider, registered)
        .when({ ...record('13900002222'), workerId: 'h1.9' })
        .thenRejects('not_found');
      given(householdDecider).when(record('13900002222')).thenRejects('not_found');
    });
  });

  describe('the address changed later', () => {
    const change = (address: string) => ({
      type: 'ChangeAddress' as const,
      householdId: 'h1',
      address,
      now: LATER,
    });
    it('records a new address, and nothing for the same one again', () => {
      const moved: HouseholdEvent = {
        type: 'HouseholdAddressChanged',
        data: { householdId: 'h1', address: '5栋1单元302', changedAt: LATER },
      };
      given(householdDecider, registered).when(change('5栋1单元302')).then([moved]);
      given(householdDecider, [...registered, moved])
        .when(change('5栋1单元302'))
        .thenNothing();
    });
    it('refuses a household that does not exist', () => {
      given(householdDecider).when(change('5栋1单元302')).thenRejects('not_found');
    });
  });
});

function foldRegistered(extra: HouseholdEvent[]) {
  return [...registered, ...extra].reduce(householdDecider.evolve, householdDecider.initialState());
}

import { foldEvents } from '../shared/decider';
import { encodeEvent } from '@contracts';
import { given } from '../shared/testing/decider-spec';
import type { CurrentEmploymentInput, HouseholdCommand, RegisteringMember } from './household.commands';
import { householdDecider } from './household.decider';
import {
  employmentReported,
  householdRegistered,
  member,
  placementVoided,
  REGISTERED_AT as now,
  registerHouseholdCommand,
  trainingCompleted,
  workerPlaced,
} from './household.fixtures';
import type { HouseholdEvent } from './household.state';

const registered = householdRegistered();
const place = (placementId: string, workerId = 'h1.1'): HouseholdCommand => ({
  type: 'PlaceWorker',
  placementId,
  workerId,
  vacancyId: 'v-1',
  channel: 'out_of_province',
  brokerId: 'broker-1',
  startDate: '2026-03-01',
  now,
});
const reported: HouseholdEvent = employmentReported({ source: 'cadre_visit' });
const ended = (employmentId: string): HouseholdEvent => ({
  type: 'EmploymentEnded',
  data: { workerId: 'h1.1', householdId: 'h1', employmentId, reason: 'quit', endedAt: now },
});

describe('household decider', () => {
  describe('registration', () => {
    it('registers the household and one worker per member in one decision, ids <householdId>.<n>', () => {
      given(householdDecider).when(registerHouseholdCommand()).then(registered);
      for (const event of registered) expect(() => encodeEvent(event)).not.toThrow();
    });
    it('refuses a second registration, no members, and the same person twice', () => {
      given(householdDecider, registered).when(registerHouseholdCommand()).thenRejects('already_exists');
      given(householdDecider).when(registerHouseholdCommand('h1', [])).thenRejects('invalid_value');
      given(householdDecider)
        .when(registerHouseholdCommand('h1', [member(1), member(1)]))
        .thenRejects('invalid_value');
    });
    it('records employment members already have in the same decision, after the workers', () => {
      const job: CurrentEmploymentInput = {
        employmentId: 'e1',
        channel: 'workshop',
        employer: '西秀区扶贫车间',
        source: 'declaration',
        startDate: '2025-01-01',
      };
      const working: RegisteringMember = { ...member(2), currentEmployment: job };
      const events = [
        ...householdRegistered('h1', [member(1), member(2)]),
        {
          type: 'EmploymentReported',
          data: {
            employmentId: 'e1',
            workerId: 'h1.2',
            householdId: 'h1',
            channel: 'workshop',
            employer: '西秀区扶贫车间',
            source: 'declaration',
            startDate: '2025-01-01',
            reportedAt: now,
          },
        },
      ] satisfies HouseholdEvent[];
      given(householdDecider)
        .when(registerHouseholdCommand('h1', [member(1), working]))
        .then(events);
      for (const event of events) expect(() => encodeEvent(event)).not.toThrow();
      // The worker is employed from the start: a placement is refused.
      given(householdDecider, events).when(place('p1', 'h1.2')).thenRejects('worker_already_employed');
      const twice: RegisteringMember = { ...member(1), currentEmployment: { ...job, channel: 'flexible' } };
      given(householdDecider)
        .when(registerHouseholdCommand('h1', [twice, working]))
        .thenRejects('invalid_value');
    });
    it('adds a worker with the next member number, once', () => {
      const [, ...workers] = householdRegistered('h1', [member(1), member(2), member(3)]);
      given(householdDecider, registered)
        .when({ type: 'AddWorker', householdId: 'h1', member: member(3), claimRevision: 0, now })
        .then([workers[2]]);
      given(householdDecider, registered)
        .when({ type: 'AddWorker', householdId: 'h1', member: member(2), claimRevision: 0, now })
        .thenRejects('already_exists');
      given(householdDecider)
        .when({ type: 'AddWorker', householdId: 'h1', member: member(3), claimRevision: 0, now })
        .thenRejects('not_found');
    });
  });

  describe('claims on a person across households (ADR 0004)', () => {
    const voided = (hash: string, claimRevision: number, householdId = 'h1'): HouseholdEvent => ({
      type: 'ResidentIdClaimVoided',
      data: { idNumberHash: hash, householdId, claimRevision, voidedAt: now },
    });
    const hash = member(2).idNumberHash;

    it('refuses a registration whose claim on a member was voided before it committed', () => {
      given(householdDecider, [voided(hash, 0)])
        .when(registerHouseholdCommand())
        .thenRejects('person_already_registered');
    });
    it('registers under a newer claim than the voided one, and ignores voids of other people', () => {
      const command = registerHouseholdCommand();
      given(householdDecider, [voided(hash, 0)])
        .when({ ...command, claimRevisions: { ...command.claimRevisions, [hash]: 2 } })
        .then(registered);
      given(householdDecider, [voided('f'.repeat(64), 5)])
        .when(command)
        .then(registered);
    });
    it('keeps the highest voided revision per person', () => {
      const command = registerHouseholdCommand();
      given(householdDecider, [voided(hash, 3), voided(hash, 1)])
        .when({ ...command, claimRevisions: { ...command.claimRevisions, [hash]: 3 } })
        .thenRejects('person_already_registered');
    });
    it('voids a claim the household never committed, once; refuses when it holds the person', () => {
      const command = { type: 'VoidResidentClaim', householdId: 'h1', idNumberHash: hash, now } as const;
      given(householdDecider)
        .when({ ...command, claimRevision: 0 })
        .then([voided(hash, 0)]);
      given(householdDecider, [voided(hash, 0)])
        .when({ ...command, claimRevision: 0 })
        .thenNothing();
      given(householdDecider, registered)
        .when({ ...command, claimRevision: 0 })
        .thenRejects('person_already_registered', /^This person is already registered in another household$/);
      // The holder goes to the details (the audit trail), never into the message another county reads.
      expect(
        householdDecider.decide({ ...command, claimRevision: 0 }, foldEvents(householdDecider, registered)),
      ).toMatchObject({ ok: false, rejection: { details: { workerId: 'h1.2', countyCode: '520402' } } });
      given(householdDecider, registered)
        .when({ ...command, idNumberHash: member(7).idNumberHash, claimRevision: 3 })
        .then([voided(member(7).idNumberHash, 3)]);
    });
    it('refuses a member without a claim', () => {
      const command = registerHouseholdCommand();
      given(householdDecider)
        .when({ ...command, claimRevisions: { [member(1).idNumberHash]: 0 } })
        .thenRejects('invalid_value');
    });
    it('refuses to add a worker under a voided claim, after registration too', () => {
      const add = { type: 'AddWorker', householdId: 'h1', member: member(3), now } as const;
      const three = member(3).idNumberHash;
      given(householdDecider, [...registered, voided(three, 4)])
        .when({ ...add, claimRevision: 4 })
        .thenRejects('person_already_registered');
      given(householdDecider, [...registered, voided(three, 4)])
        .when({ ...add, claimRevision: 5 })
        .then([householdRegistered('h1', [member(1), member(2), member(3)])[3]]);
    });
  });

  describe('profile, training, capacity', () => {
    it('records only the fields that change', () => {
      given(householdDecider, registered)
        .when({
          type: 'UpdateWorkerProfile',
          workerId: 'h1.1',
          skills: ['6-05-01-03'],
          preference: 'local',
          now,
        })
        .then([
          {
            type: 'WorkerProfileUpdated',
            data: { workerId: 'h1.1', householdId: 'h1', preference: 'local', updatedAt: now },
          },
        ]);
      given(householdDecider, registered)
        .when({ type: 'UpdateWorkerProfile', workerId: 'h1.1', preference: 'any', now })
        .thenNothing();
      given(householdDecider, registered)
        .when({ type: 'UpdateWorkerProfile', workerId: 'h1.9', preference: 'any', now })
        .thenRejects('not_found');
    });
    it('records a training once per training id', () => {
      const training = {
        type: 'RecordTraining' as const,
        workerId: 'h1.1',
        trainingId: 't1',
        name: '缝纫培训',
        skill: '6-05-01-03',
        completedAt: now,
        now,
      };
      const completed: HouseholdEvent = trainingCompleted(now);
      given(householdDecider, registered).when(training).then([completed]);
      given(householdDecider, [...registered, completed])
        .when(training)
        .thenNothing();
    });
    it('changes labour capacity, keeping the previous one', () => {
      given(householdDecider, registered)
        .when({ type: 'ChangeLabourCapacity', workerId: 'h1.2', labourCapacity: 'weak', now })
        .then([
          {
            type: 'WorkerLabourCapacityChanged',
            data: {
              workerId: 'h1.2',
              householdId: 'h1',
              labourCapacity: 'weak',
              previousLabourCapacity: 'full',
              changedAt: now,
            },
          },
        ]);
    });
  });

  describe('employment', () => {
    it('places a worker (saga step 2), idempotently for the same placement', () => {
      given(householdDecider, registered)
        .when(place('p1'))
        .then([workerPlaced('p1')]);
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(place('p1'))
        .thenNothing();
    });
    it('refuses a second placement or a reported job while employed; another member may be placed', () => {
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(place('p2'))
        .thenRejects('worker_already_employed');
      given(householdDecider, [...registered, reported])
        .when(place('p2'))
        .thenRejects('worker_already_employed');
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(place('p2', 'h1.2'))
        .then([workerPlaced('p2', 'h1.2')]);
    });
    it('places again once the employment ended', () =>
      given(householdDecider, [...registered, workerPlaced('p1'), ended('p1')])
        .when(place('p2'))
        .then([workerPlaced('p2')]));
    it('refuses a voided placement and a worker without labour capacity', () => {
      given(householdDecider, [...registered, placementVoided('p1')])
        .when(place('p1'))
        .thenRejects('placement_voided');
      const noCapacity = householdRegistered('h1', [member(1, { labourCapacity: 'none' })]);
      given(householdDecider, noCapacity).when(place('p1')).thenRejects('constraint_violated');
    });
    it('reports employment from outside, once', () => {
      const report: HouseholdCommand = {
        type: 'ReportEmployment',
        workerId: 'h1.1',
        employmentId: 'e1',
        channel: 'flexible',
        source: 'cadre_visit',
        startDate: '2026-02-01',
        now,
      };
      given(householdDecider, registered).when(report).then([reported]);
      given(householdDecider, [...registered, reported])
        .when(report)
        .thenNothing();
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(report)
        .thenRejects('worker_already_employed');
    });
    it('ends an active employment; a repeat appends nothing; no such employment is not_employed', () => {
      const end = (employmentId: string): HouseholdCommand => ({
        type: 'EndEmployment',
        workerId: 'h1.1',
        employmentId,
        reason: 'quit',
        now,
      });
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(end('p1'))
        .then([ended('p1')]);
      given(householdDecider, [...registered, reported])
        .when(end('e1'))
        .then([ended('e1')]);
      given(householdDecider, [...registered, workerPlaced('p1'), ended('p1')])
        .when(end('p1'))
        .thenNothing();
      given(householdDecider, registered).when(end('p1')).thenRejects('not_employed');
    });
    it('voids a placement that was not placed, once; never a placed one', () => {
      const voidIt: HouseholdCommand = {
        type: 'VoidPlacement',
        workerId: 'h1.1',
        placementId: 'p1',
        vacancyId: 'v-1',
        reason: 'recovery',
        now,
      };
      given(householdDecider, registered)
        .when(voidIt)
        .then([placementVoided('p1')]);
      given(householdDecider, [...registered, placementVoided('p1')])
        .when(voidIt)
        .thenNothing();
      given(householdDecider, [...registered, workerPlaced('p1')])
        .when(voidIt)
        .thenRejects('forbidden_transition');
    });
  });
});

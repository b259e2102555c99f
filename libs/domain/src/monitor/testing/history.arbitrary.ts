import fc from 'fast-check';
import { CHANNELS, LABOUR_CAPACITIES, type Channel, type LabourCapacity } from '@contracts';
import type { AnyEnvelope } from '../../shared/keyed-projection';
import { householdStream } from '@contracts';
import { EventLogBuilder } from './event-log';

/** Counties in two prefectures (Anshun 520400, Bijie 520500). */
export const HISTORY_COUNTIES = ['520402', '520422', '520524'] as const;

type Op = 'register' | 'add_worker' | 'capacity' | 'place' | 'report' | 'end' | 'void' | 'verify';

interface Step {
  readonly household: number;
  readonly op: Op;
  readonly member: number;
  readonly channel: Channel;
  readonly capacities: readonly LabourCapacity[];
  readonly minutes: number;
  readonly flag: boolean;
}

interface MemberModel {
  capacity: LabourCapacity;
  employment: string | null;
}
interface HouseholdModel {
  readonly id: string;
  readonly members: MemberModel[];
  nextId: number;
}

export interface HouseholdHistory {
  readonly events: readonly AnyEnvelope[];
  readonly householdIds: readonly string[];
}

const capacityArb = fc.constantFrom<LabourCapacity>(...LABOUR_CAPACITIES);
const stepArb = (households: number): fc.Arbitrary<Step> =>
  fc.record({
    household: fc.nat(households - 1),
    op: fc.constantFrom<Op>(
      'register',
      'add_worker',
      'capacity',
      'place',
      'place',
      'report',
      'end',
      'end',
      'void',
      'verify',
    ),
    member: fc.nat(7),
    channel: fc.constantFrom<Channel>(...CHANNELS),
    capacities: fc.array(capacityArb, { minLength: 0, maxLength: 4 }),
    // Up to ~4 days between events, so cases age past their 3- and 5-day marks and years turn over.
    minutes: fc.integer({ min: 0, max: 6000 }),
    flag: fc.boolean(),
  });

/** Interprets generated steps as a valid history: a step the deciders would refuse appends nothing. */
function interpret(
  steps: readonly Step[],
  counties: readonly string[],
  households: number,
): HouseholdHistory {
  const log = new EventLogBuilder();
  const models = new Map<number, HouseholdModel>();
  let clock = Date.parse('2025-12-20T00:00:00Z');
  const addWorker = (h: HouseholdModel, capacity: LabourCapacity, at: string) => {
    h.members.push({ capacity, employment: null });
    const memberNo = h.members.length;
    log.append(householdStream(h.id), 'WorkerRegistered', {
      ...{ workerId: `${h.id}.${memberNo}`, householdId: h.id, memberNo, name: `member ${memberNo}` },
      ...{ idNumberHash: 'a'.repeat(64), idNumberLast4: '0028', birthYear: 1980, gender: 'female' },
      ...{
        labourCapacity: capacity,
        skills: [],
        preference: 'any',
        expectedMonthlyWage: null,
        registeredAt: at,
      },
    });
  };
  for (const step of steps) {
    clock += step.minutes * 60_000;
    const at = new Date(clock).toISOString();
    let h = models.get(step.household);
    if (h === undefined) {
      h = { id: `hh${step.household}`, members: [], nextId: 1 };
      models.set(step.household, h);
      const countyCode = counties[step.household % counties.length];
      const registration = {
        householdId: h.id,
        countyCode,
        relocationSiteId: `site-${countyCode}`,
        registeredAt: at,
      };
      log.append(householdStream(h.id), 'HouseholdRegistered', registration);
      for (const capacity of step.capacities) addWorker(h, capacity, at);
      continue;
    }
    const stream = householdStream(h.id);
    const memberNo = h.members.length === 0 ? 0 : (step.member % h.members.length) + 1;
    const m = memberNo === 0 ? undefined : h.members[memberNo - 1];
    const ids = { workerId: `${h.id}.${memberNo}`, householdId: h.id };
    const freshId = () => `${h.id}-e${h.nextId++}`;
    /** The member's employment ends: it is free to be placed or to report one again. */
    const endEmployment = (member: MemberModel, employmentId: string, reason: 'quit' | 'dismissed') => {
      log.append(stream, 'EmploymentEnded', { ...ids, employmentId, reason, endedAt: at });
      member.employment = null;
    };
    if (step.op === 'add_worker' || step.op === 'register') {
      if (h.members.length < 6) addWorker(h, step.capacities[0] ?? 'full', at);
    } else if (m === undefined) {
      continue;
    } else if (step.op === 'capacity') {
      const labourCapacity = step.capacities[0] ?? (m.capacity === 'none' ? 'full' : 'none');
      if (labourCapacity === m.capacity) continue;
      log.append(stream, 'WorkerLabourCapacityChanged', {
        ...ids,
        ...{ labourCapacity, previousLabourCapacity: m.capacity, changedAt: at },
      });
      m.capacity = labourCapacity;
    } else if ((step.op === 'place' || step.op === 'report') && m.employment === null) {
      const id = freshId();
      const startDate = at.slice(0, 10);
      if (step.op === 'place') {
        const placed = { placementId: id, vacancyId: `v-${id}`, channel: step.channel, brokerId: 'broker-1' };
        log.append(stream, 'WorkerPlaced', { ...ids, ...placed, startDate, placedAt: at });
      } else {
        const reported = { employmentId: id, channel: step.channel, source: 'declaration' as const };
        log.append(stream, 'EmploymentReported', { ...ids, ...reported, startDate, reportedAt: at });
      }
      m.employment = id;
    } else if (step.op === 'end' && m.employment !== null) {
      endEmployment(m, m.employment, 'quit');
    } else if (step.op === 'verify' && m.employment !== null) {
      const verified = { employmentId: m.employment, stillEmployed: step.flag, method: 'phone' as const };
      log.append(stream, 'EmploymentVerified', { ...ids, ...verified, verifiedAt: at });
      if (!step.flag) endEmployment(m, m.employment, 'dismissed');
    } else if (step.op === 'void') {
      // Recovery voids a reservation whose WorkerPlaced never came: a fresh placement id, nothing employed.
      const id = freshId();
      log.append(stream, 'PlacementVoided', {
        ...ids,
        placementId: id,
        vacancyId: `v-${id}`,
        reason: 'lease_expired',
        voidedAt: at,
      });
    }
  }
  const householdIds = [...models.values()].map((h) => h.id);
  return { events: log.events, householdIds: householdIds.slice(0, households) };
}

export interface HistoryOptions {
  readonly maxHouseholds?: number;
  readonly maxSteps?: number;
}

/**
 * Random valid histories of several households in 2-3 counties (two prefectures): registration with members,
 * added workers, capacity changes, placements, reported employment, ends, voids and verifications, as decoded
 * envelopes with stream revisions and global positions. Reusable by read-store and rebuild suites.
 */
export function householdHistoryArbitrary(options: HistoryOptions = {}): fc.Arbitrary<HouseholdHistory> {
  const maxHouseholds = options.maxHouseholds ?? 6;
  return fc
    .record({
      households: fc.integer({ min: 1, max: maxHouseholds }),
      counties: fc.integer({ min: 2, max: 3 }),
    })
    .chain(({ households, counties }) =>
      fc
        .array(stepArb(households), { minLength: 1, maxLength: options.maxSteps ?? 80 })
        .map((steps) => interpret(steps, HISTORY_COUNTIES.slice(0, counties), households)),
    );
}

/**
 * A history re-recorded by a clock that moves on, from `start`, by a gap of up to `maxGapMs` before each event:
 * the log of a moving clock (days and month ends pass between events).
 */
export function historyOnAMovingClock(start: string, maxGapMs: number): fc.Arbitrary<readonly AnyEnvelope[]> {
  return householdHistoryArbitrary().chain((history) =>
    fc
      .array(fc.integer({ min: 0, max: maxGapMs }), {
        minLength: history.events.length,
        maxLength: history.events.length,
      })
      .map((gaps) => {
        let clock = Date.parse(start);
        return history.events.map((e, i) => {
          clock += gaps[i];
          return { ...e, occurredAt: new Date(clock).toISOString() };
        });
      }),
  );
}

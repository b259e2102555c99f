import type { Channel, LabourCapacity } from '@contracts';
import { householdStream } from '@contracts';
import { EventLogBuilder } from './event-log';

/** A small scripted household history for example specs. */
export class HouseholdScript {
  readonly log = new EventLogBuilder();
  private nextMember = 1;
  constructor(
    readonly householdId = 'hh-a',
    readonly countyCode = '520402',
  ) {}

  private get stream() {
    return householdStream(this.householdId);
  }
  /** A member's ids: its worker id and its household's. */
  private member(memberNo: number) {
    return { workerId: `${this.householdId}.${memberNo}`, householdId: this.householdId };
  }
  register(at: string, capacities: readonly LabourCapacity[]) {
    const { householdId, countyCode } = this;
    this.log.append(this.stream, 'HouseholdRegistered', {
      householdId,
      countyCode,
      relocationSiteId: 'site-1',
      registeredAt: at,
    });
    for (const capacity of capacities) this.addWorker(at, capacity);
    return this;
  }
  addWorker(at: string, labourCapacity: LabourCapacity) {
    const memberNo = this.nextMember++;
    this.log.append(this.stream, 'WorkerRegistered', {
      ...{ ...this.member(memberNo), memberNo, name: '王芳' },
      ...{ idNumberHash: 'a'.repeat(64), idNumberLast4: '0028', birthYear: 1986, gender: 'female' },
      ...{ labourCapacity, skills: [], preference: 'any', expectedMonthlyWage: null, registeredAt: at },
    });
    return this;
  }
  place(at: string, memberNo: number, placementId: string, channel: Channel) {
    this.log.append(this.stream, 'WorkerPlaced', {
      ...{ ...this.member(memberNo), placementId, vacancyId: 'v-1' },
      ...{ channel, brokerId: 'broker-1', startDate: at.slice(0, 10), placedAt: at },
    });
    return this;
  }
  report(at: string, memberNo: number, employmentId: string, channel: Channel) {
    this.log.append(this.stream, 'EmploymentReported', {
      ...{ ...this.member(memberNo), employmentId, channel },
      ...{ source: 'cadre_visit', startDate: at.slice(0, 10), reportedAt: at },
    });
    return this;
  }
  end(at: string, memberNo: number, employmentId: string) {
    this.log.append(this.stream, 'EmploymentEnded', {
      ...this.member(memberNo),
      employmentId,
      reason: 'quit',
      endedAt: at,
    });
    return this;
  }
  capacity(
    at: string,
    memberNo: number,
    labourCapacity: LabourCapacity,
    previousLabourCapacity: LabourCapacity,
  ) {
    this.log.append(this.stream, 'WorkerLabourCapacityChanged', {
      ...{ ...this.member(memberNo), labourCapacity, previousLabourCapacity, changedAt: at },
    });
    return this;
  }
}

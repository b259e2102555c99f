import { randomUUID } from 'node:crypto';
import { encodeEvent, householdStream, type DomainEvent } from '@contracts';
import { COUNTY, eventStoreOf } from './fixtures';
import type { TestApp } from './start-test-app';

/**
 * A household with one worker able to work, appended straight to the store as a command at `recordedAt` would
 * have recorded it (its events carry that time, whatever the clock says now); `employedSince`: the worker also
 * reported a job found alone (self-employed) in the same command. Returns the position of its last event.
 */
export async function appendHouseholdRecordedAt(
  t: TestApp,
  recordedAt: string,
  options: { countyCode?: string; employedSince?: string } = {},
): Promise<string> {
  const householdId = randomUUID();
  const countyCode = options.countyCode ?? COUNTY;
  const workerId = `${householdId}.1`;
  const events: DomainEvent[] = [
    {
      type: 'HouseholdRegistered',
      data: { householdId, countyCode, relocationSiteId: `site-${countyCode}-01`, registeredAt: recordedAt },
    },
    {
      type: 'WorkerRegistered',
      data: {
        workerId,
        householdId,
        memberNo: 1,
        name: '王芳',
        idNumberHash: randomUUID().replace(/-/g, '').padEnd(64, 'a'),
        idNumberLast4: '0028',
        birthYear: 1986,
        gender: 'female',
        ethnicity: '布依族',
        labourCapacity: 'full',
        skills: [],
        preference: 'any',
        expectedMonthlyWage: 3500,
        registeredAt: recordedAt,
      },
    } as DomainEvent,
  ];
  if (options.employedSince !== undefined) {
    events.push({
      type: 'EmploymentReported',
      data: {
        employmentId: randomUUID(),
        workerId,
        householdId,
        channel: 'self_employed',
        source: 'cadre_visit',
        startDate: options.employedSince,
        reportedAt: recordedAt,
      },
    });
  }
  const metadata = {
    actor: { id: 'test-county', role: 'county_office' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    now: recordedAt,
  };
  const result = await eventStoreOf(t.app).append(
    householdStream(householdId),
    events.map((event, index) => ({
      ...encodeEvent(event),
      id: randomUUID(),
      occurredAt: recordedAt,
      metadata: { ...metadata, batch: { index, size: events.length } },
    })),
    'no_stream',
  );
  return result.position.toString();
}

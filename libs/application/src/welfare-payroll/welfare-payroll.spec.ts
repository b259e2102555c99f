import { householdStream, vacancyStream, type DomainEvent } from '@contracts';
import { SqliteEventStore } from '@lib/event-store/sqlite/sqlite-event-store';
import { domainEventToAppend } from '@lib/event-store/testing/event-fixtures';
import { householdRegistered, placementVoided, workerPlaced } from '@lib/domain/workforce/household.fixtures';
import { vacancyPosted } from '@lib/domain/postings/vacancy.fixtures';
import { daysHeldInMonth } from '@lib/domain/welfare-payroll/welfare-month';
import { holdingOf } from './welfare-payroll';

/** What a public-welfare holding is, read from its household's stream after renewals, ends and voids. */
const P = 'h1:p1';
const AT = '2026-03-01T08:00:00Z';
const toAppend = (e: DomainEvent) => domainEventToAppend(e, AT);

async function storeWith(extra: DomainEvent[]) {
  const store = SqliteEventStore.open(':memory:');
  const placed = workerPlaced(P);
  const welfarePlaced = {
    ...placed,
    data: {
      ...placed.data,
      channel: 'public_welfare',
      startDate: '2026-03-01',
      welfareTermEndsOn: '2026-06-01',
      welfareCountyCode: '520402',
    },
  } as DomainEvent;
  const household = [...householdRegistered(), welfarePlaced, ...extra].map(toAppend);
  await store.append(householdStream('h1'), household as never, 'any');
  const posted = vacancyPosted({
    source: { type: 'public_welfare', id: '520402' },
    welfare: { monthlySubsidy: 800, termMonths: 3 },
  } as never);
  await store.append(vacancyStream('v-1'), [toAppend(posted as DomainEvent)] as never, 'any');
  return store;
}

const renewed = {
  type: 'WelfareTermRenewed',
  data: {
    workerId: 'h1.1',
    householdId: 'h1',
    placementId: P,
    termEndsOn: '2026-12-01',
    renewedAt: '2026-05-20T02:00:00Z',
  },
} as DomainEvent;
const quit = {
  type: 'EmploymentEnded',
  data: {
    workerId: 'h1.1',
    householdId: 'h1',
    employmentId: P,
    reason: 'quit',
    endedAt: '2026-09-15T02:00:00Z',
  },
} as DomainEvent;

describe('a public-welfare holding as its household says', () => {
  it('keeps a renewed term while in post', async () => {
    const holding = await holdingOf(await storeWith([renewed]), P);
    expect(daysHeldInMonth(holding!, '2026-07')).toBe(31);
    expect(daysHeldInMonth(holding!, '2026-12')).toBe(0);
  });

  it('is bounded by its end once ended, not by the term recorded before the renewal', async () => {
    const holding = await holdingOf(await storeWith([renewed, quit]), P);
    expect(daysHeldInMonth(holding!, '2026-07')).toBe(31);
    expect(daysHeldInMonth(holding!, '2026-09')).toBe(15);
    expect(daysHeldInMonth(holding!, '2026-10')).toBe(0);
  });

  it('is no holding once the placement was voided', async () => {
    expect(await holdingOf(await storeWith([placementVoided(P) as DomainEvent]), P)).toBeUndefined();
  });
});

import { employmentMonitorStream, householdStream, type DomainEvent } from '@contracts';
import { SqliteEventStore } from '@lib/event-store/sqlite/sqlite-event-store';
import { domainEventToAppend } from '@lib/event-store/testing/event-fixtures';
import { householdRegistered, placementVoided, workerPlaced } from '@lib/domain/workforce/household.fixtures';
import { loadEligibility } from './transport-subsidy-flow';

const P = 'h1:p1';
const AT = '2026-03-01T08:00:00Z';
const toAppend = (e: DomainEvent) => domainEventToAppend(e, AT);

async function storeWith(household: DomainEvent[]) {
  const store = SqliteEventStore.open(':memory:');
  await store.append(householdStream('h1'), household.map(toAppend) as never, 'any');
  const eligible = {
    type: 'TransportSubsidyEligible',
    data: { workerId: 'h1.1', householdId: 'h1', placementId: P, year: 2026, countyCode: '520402' },
  } as DomainEvent;
  await store.append(employmentMonitorStream('h1'), [toAppend(eligible)] as never, 'any');
  return store;
}

describe('transport subsidy eligibility', () => {
  it('is the monitor’s grant for the worker and year', async () => {
    const store = await storeWith([...householdRegistered(), workerPlaced(P) as DomainEvent]);
    expect(await loadEligibility(store, 'h1.1:2026')).toMatchObject({ placementId: P, year: 2026 });
    expect(await loadEligibility(store, 'h1.1:2025')).toBeUndefined();
  });

  it('is none once the placement that earned it was voided (it never happened)', async () => {
    const store = await storeWith([
      ...householdRegistered(),
      workerPlaced(P) as DomainEvent,
      placementVoided(P) as DomainEvent,
    ]);
    expect(await loadEligibility(store, 'h1.1:2026')).toBeUndefined();
  });
});

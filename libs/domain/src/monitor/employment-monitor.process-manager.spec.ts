import { encodeEvent } from '@contracts';
import { caseOpenedEventId, uuidV5 } from './monitor-event-id';
import { HouseholdScript } from './testing/fixtures';
import { runMonitorLive } from './testing/monitor-runner';

const monitorEvents = (script: HouseholdScript) =>
  runMonitorLive(script.log.events).store.log.filter((e) => e.streamId === 'employment-monitor-hh-a');

describe('zero-employment process manager', () => {
  it('opens a case on entering zero-employment with 3- and 5-day due dates and a derived id', () => {
    const [opened] = monitorEvents(new HouseholdScript().register('2026-03-01T08:00:00Z', ['full']));
    expect(opened).toMatchObject({
      id: caseOpenedEventId('hh-a', 1),
      type: 'ZeroEmploymentCaseOpened',
      revision: 0,
      occurredAt: '2026-03-01T08:00:00Z',
      data: {
        householdId: 'hh-a',
        countyCode: '520402',
        openedAt: '2026-03-01T08:00:00Z',
        assistDueAt: '2026-03-04T08:00:00.000Z',
        clearDueAt: '2026-03-06T08:00:00.000Z',
      },
      metadata: { actor: { role: 'system' }, causationId: 'household-hh-a@1' },
    });
    expect(() => encodeEvent(opened)).not.toThrow();
  });

  it('clears by employment with its channel, or by no-labour, and numbers the stream without gaps', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full'])
      .report('2026-03-03T00:00:00Z', 1, 'e-1', 'self_employed')
      .end('2026-05-01T00:00:00Z', 1, 'e-1')
      .capacity('2026-05-02T00:00:00Z', 1, 'none', 'full');
    const events = monitorEvents(script);
    expect(events.map((e) => [e.type, e.revision])).toEqual([
      ['ZeroEmploymentCaseOpened', 0],
      ['ZeroEmploymentCaseCleared', 1],
      ['ZeroEmploymentCaseOpened', 2],
      ['ZeroEmploymentCaseCleared', 3],
    ]);
    expect(events[1].data).toMatchObject({
      clearedAt: '2026-03-03T00:00:00Z',
      clearedBy: { kind: 'employment', channel: 'self_employed' },
    });
    expect(events[3].data).toMatchObject({
      openedAt: '2026-05-01T00:00:00Z',
      clearedBy: { kind: 'no_labour' },
    });
    for (const e of events) expect(() => encodeEvent(e)).not.toThrow();
    expect(new Set(events.map((e) => e.id)).size).toBe(4);
  });

  it('grants the transport subsidy for an out-of-province placement once per worker and calendar year', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full', 'none'])
      .place('2026-03-02T00:00:00Z', 1, 'p-1', 'out_of_province')
      .end('2026-06-01T00:00:00Z', 1, 'p-1')
      .place('2026-07-01T00:00:00Z', 1, 'p-2', 'out_of_province')
      .end('2026-12-01T00:00:00Z', 1, 'p-2')
      .place('2027-01-05T00:00:00Z', 1, 'p-3', 'out_of_province')
      .place('2027-02-05T00:00:00Z', 2, 'p-4', 'in_province');
    const grants = monitorEvents(script).filter((e) => e.type === 'TransportSubsidyEligible');
    expect(grants.map((e) => e.data)).toEqual([
      { workerId: 'hh-a.1', householdId: 'hh-a', placementId: 'p-1', year: 2026, countyCode: '520402' },
      { workerId: 'hh-a.1', householdId: 'hh-a', placementId: 'p-3', year: 2027, countyCode: '520402' },
    ]);
    const { model } = runMonitorLive(script.log.events);
    expect(Object.keys(model.subsidies).sort()).toEqual(['hh-a.1#2026', 'hh-a.1#2027']);
  });

  it('derives version-5 uuids: the same name gives the same id, another name another one', () => {
    expect(uuidV5('hh-a#case-1#opened')).toBe(caseOpenedEventId('hh-a', 1));
    expect(caseOpenedEventId('hh-a', 1)).not.toBe(caseOpenedEventId('hh-a', 2));
    expect(caseOpenedEventId('hh-a', 1)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // RFC 9562 test vector: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

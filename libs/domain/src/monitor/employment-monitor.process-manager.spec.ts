import { encodeEvent, zeroEmploymentCaseStream } from '@contracts';
import { caseLifeEventId, uuidV5 } from './monitor-event-id';
import { HouseholdScript } from './testing/fixtures';
import { runMonitorLive } from './testing/monitor-runner';

const logOf = (script: HouseholdScript) => runMonitorLive(script.log.events).store.log;
const caseEvents = (script: HouseholdScript) =>
  logOf(script).filter((e) => e.streamId.startsWith(zeroEmploymentCaseStream('hh-a:')));

describe('employment monitor process manager', () => {
  it("opens a case in the case's own stream, at revision 0, with a derived id", () => {
    const [opened] = caseEvents(new HouseholdScript().register('2026-03-01T08:00:00Z', ['full']));
    expect(opened).toMatchObject({
      id: caseLifeEventId(zeroEmploymentCaseStream('hh-a:1'), 'ZeroEmploymentCaseOpened'),
      type: 'ZeroEmploymentCaseOpened',
      streamId: 'zero-employment-case-hh-a:1',
      revision: 0,
      occurredAt: '2026-03-01T08:00:00Z',
      data: { householdId: 'hh-a', countyCode: '520402', openedAt: '2026-03-01T08:00:00Z' },
      metadata: { actor: { role: 'system' }, causationId: 'household-hh-a@1' },
    });
    expect(() => encodeEvent(opened)).not.toThrow();
  });

  it('clears by employment with its channel, or by no-labour; a household is found again in a new case', () => {
    const script = new HouseholdScript()
      .register('2026-03-01T08:00:00Z', ['full'])
      .report('2026-03-03T00:00:00Z', 1, 'e-1', 'self_employed')
      .end('2026-05-01T00:00:00Z', 1, 'e-1')
      .capacity('2026-05-02T00:00:00Z', 1, 'none', 'full');
    const events = caseEvents(script);
    expect(events.map((e) => [e.streamId, e.type, e.revision])).toEqual([
      ['zero-employment-case-hh-a:1', 'ZeroEmploymentCaseOpened', 0],
      ['zero-employment-case-hh-a:1', 'ZeroEmploymentCaseCleared', 1],
      ['zero-employment-case-hh-a:2', 'ZeroEmploymentCaseOpened', 0],
      ['zero-employment-case-hh-a:2', 'ZeroEmploymentCaseCleared', 1],
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
    const grants = logOf(script).filter((e) => e.type === 'TransportSubsidyEligible');
    expect(grants.map((e) => e.streamId)).toEqual(['employment-monitor-hh-a', 'employment-monitor-hh-a']);
    expect(grants.map((e) => e.data)).toEqual([
      { workerId: 'hh-a.1', householdId: 'hh-a', placementId: 'p-1', year: 2026, countyCode: '520402' },
      { workerId: 'hh-a.1', householdId: 'hh-a', placementId: 'p-3', year: 2027, countyCode: '520402' },
    ]);
    const { model } = runMonitorLive(script.log.events);
    expect(Object.keys(model.subsidies).sort()).toEqual(['hh-a.1#2026', 'hh-a.1#2027']);
  });

  it('derives version-5 uuids: the same name gives the same id, another name another one', () => {
    const stream = zeroEmploymentCaseStream('hh-a:1');
    expect(uuidV5(`${stream}#ZeroEmploymentCaseOpened`)).toBe(
      caseLifeEventId(stream, 'ZeroEmploymentCaseOpened'),
    );
    expect(caseLifeEventId(stream, 'ZeroEmploymentCaseOpened')).not.toBe(
      caseLifeEventId(zeroEmploymentCaseStream('hh-a:2'), 'ZeroEmploymentCaseOpened'),
    );
    expect(caseLifeEventId(stream, 'ZeroEmploymentCaseCleared')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    // RFC 9562 test vector: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

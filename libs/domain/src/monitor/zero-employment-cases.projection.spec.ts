import { runMonitorLive } from './testing/monitor-runner';
import { HouseholdScript } from './testing/fixtures';
import { caseView, listCases, openCasesByUrgency } from './zero-employment-cases.projection';

function model() {
  const a = new HouseholdScript('hh-a').register('2026-03-01T00:00:00Z', ['full']);
  const b = new HouseholdScript('hh-b').register('2026-03-05T00:00:00Z', ['full']);
  const c = new HouseholdScript('hh-c', '520524')
    .register('2026-03-02T00:00:00Z', ['partial'])
    .place('2026-03-04T12:00:00Z', 1, 'p-1', 'public_welfare');
  const d = new HouseholdScript('hh-d').register('2026-03-06T12:00:00Z', ['weak']);
  return runMonitorLive([...a.log.events, ...b.log.events, ...c.log.events, ...d.log.events]).model;
}

describe('zero-employment cases projection', () => {
  const now = '2026-03-07T00:00:00Z';

  it('keeps each case with its ages, due dates and how it was cleared', () => {
    const cleared = listCases(model().cases, { now, status: 'cleared' });
    expect(cleared).toEqual([
      expect.objectContaining({
        householdId: 'hh-c',
        caseNo: 1,
        countyCode: '520524',
        clearedAt: '2026-03-04T12:00:00Z',
        clearedBy: { kind: 'employment', channel: 'public_welfare' },
        ageDays: 2,
        assistOverdue: false,
        clearOverdue: false,
      }),
    ]);
  });

  it('lists open cases of a county overdue first, then oldest first', () => {
    const open = openCasesByUrgency(model().cases, now, '520402');
    expect(open.map((c) => [c.householdId, c.ageDays, c.assistOverdue, c.clearOverdue])).toEqual([
      ['hh-a', 6, true, true],
      ['hh-b', 2, false, false],
      ['hh-d', 0, false, false],
    ]);
  });

  it('ages a case at the given time, not at a clock', () => {
    const c = model().cases['hh-b'].cases[0];
    expect(caseView(c, '2026-03-08T00:00:01Z')).toMatchObject({
      ageDays: 3,
      assistOverdue: true,
      clearOverdue: false,
    });
    expect(caseView(c, '2026-03-10T00:00:01Z')).toMatchObject({ ageDays: 5, clearOverdue: true });
  });
});

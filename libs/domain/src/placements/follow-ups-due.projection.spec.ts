import { householdStream } from '@contracts';
import { householdEmploymentProjection } from '../monitor/household-employment.projection';
import { HouseholdScript } from '../monitor/testing/fixtures';
import { projectAll, type AnyEnvelope } from '../shared/keyed-projection';
import { addMonths } from '../shared/business-dates';
import { followUpsDueProjection, nextFollowUp } from './follow-ups-due.projection';
import { currentPlacementIds, followUpsDue } from './follow-ups-due.view';

const project = (events: readonly AnyEnvelope[]) => projectAll(followUpsDueProjection, events);

/** A household placed on 2026-03-02: its follow-ups are due 2026-04-02, 2026-06-02 and 2026-09-02. */
function placed() {
  return new HouseholdScript()
    .register('2026-03-01T00:00:00Z', ['full', 'full'])
    .place('2026-03-02T09:00:00Z', 1, 'hh-a:p1', 'workshop');
}
function visit(script: HouseholdScript, verifiedAt: string, employmentId = 'hh-a:p1') {
  const { householdId } = script;
  script.log.append(householdStream(householdId), 'EmploymentVerified', {
    ...{ workerId: `${householdId}.1`, householdId, employmentId, stillEmployed: true },
    ...{ method: 'visit', outcome: 'still_employed', verifiedAt },
  });
  return script;
}

describe('follow-ups due (稳岗回访 at 1, 3 and 6 months)', () => {
  it('counts months on the calendar, a missing day being the month’s last', () => {
    expect(addMonths('2026-03-02', 1)).toBe('2026-04-02');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('owes the 1-month follow-up from the placement', () => {
    expect(project(placed().log.events)['hh-a:p1']).toEqual({
      placementId: 'hh-a:p1',
      workerId: 'hh-a.1',
      householdId: 'hh-a',
      startDate: '2026-03-02',
      channel: 'workshop',
      lastVisitedAt: null,
      next: { followUp: 1, dueAt: '2026-04-02' },
      status: 'open',
      lastRevision: 3,
    });
  });

  it('a visit from a week before the due day does it (days in Guizhou, UTC+8); an earlier one does not', () => {
    const early = visit(placed(), '2026-03-25T15:59:59Z'); // 23:59:59 on 25 March in Guizhou
    expect(project(early.log.events)['hh-a:p1'].next).toEqual({ followUp: 1, dueAt: '2026-04-02' });
    const inWindow = visit(placed(), '2026-03-25T16:00:00Z'); // 00:00 on 26 March there
    expect(project(inWindow.log.events)['hh-a:p1']).toMatchObject({
      lastVisitedAt: '2026-03-25T16:00:00Z',
      next: { followUp: 3, dueAt: '2026-06-02' },
      status: 'open',
    });
  });

  it('a late visit does every follow-up whose window had opened; after the 6-month one nothing is owed', () => {
    const late = visit(placed(), '2026-07-10T08:00:00Z');
    expect(project(late.log.events)['hh-a:p1'].next).toEqual({ followUp: 6, dueAt: '2026-09-02' });
    const done = visit(late, '2026-08-26T01:00:00Z');
    expect(project(done.log.events)['hh-a:p1']).toMatchObject({ next: null, status: 'done' });
    // An older visit recorded afterwards changes nothing.
    expect(project(visit(done, '2026-03-10T00:00:00Z').log.events)['hh-a:p1']).toMatchObject({
      lastVisitedAt: '2026-08-26T01:00:00Z',
      status: 'done',
    });
    expect(nextFollowUp('2026-03-02', null)).toEqual({ followUp: 1, dueAt: '2026-04-02' });
  });

  it('is gone from the owed ones once the employment ends or the placement is voided', () => {
    const ended = visit(placed(), '2026-04-01T00:00:00Z').end('2026-05-01T00:00:00Z', 1, 'hh-a:p1');
    const afterEnd = visit(ended, '2026-05-02T00:00:00Z', 'hh-a:p1');
    expect(project(afterEnd.log.events)['hh-a:p1']).toMatchObject({ next: null, status: 'ended' });
    const voided = placed();
    voided.log.append(householdStream('hh-a'), 'PlacementVoided', {
      ...{ placementId: 'hh-a:p1', workerId: 'hh-a.1', householdId: 'hh-a', vacancyId: 'v-1' },
      ...{ reason: 'recovery', voidedAt: '2026-03-02T10:00:00Z' },
    });
    expect(project(voided.log.events)['hh-a:p1'].status).toBe('ended');
  });

  it('keeps no document for reported employment, and survives every event replayed', () => {
    const script = visit(placed(), '2026-04-01T00:00:00Z')
      .report('2026-03-05T00:00:00Z', 2, 'hh-a:e1', 'flexible')
      .end('2026-03-20T00:00:00Z', 2, 'hh-a:e1');
    const docs = project(script.log.events);
    expect(Object.keys(docs)).toEqual(['hh-a:p1']);
    expect(project(script.log.events.flatMap((e) => [e, e, e]))).toEqual(docs);
  });

  it('lists a county’s owed follow-ups from its households: due ones most overdue first, with the worker’s name', () => {
    const a = placed();
    const b = new HouseholdScript('hh-b').register('2026-01-01T00:00:00Z', ['full']);
    b.place('2026-01-10T00:00:00Z', 1, 'hh-b:p2', 'out_of_province');
    const c = new HouseholdScript('hh-c').register('2026-01-01T00:00:00Z', ['full']);
    c.place('2026-01-20T00:00:00Z', 1, 'hh-c:p3', 'in_province');
    visit(c, '2026-02-18T00:00:00Z', 'hh-c:p3');
    const events = [...a.log.events, ...b.log.events, ...c.log.events];
    const households = Object.values(projectAll(householdEmploymentProjection, events));
    const docs = project(events);
    expect(currentPlacementIds(households).sort()).toEqual(['hh-a:p1', 'hh-b:p2', 'hh-c:p3']);
    const followUps = new Map(Object.entries(docs));
    const now = '2026-04-02T03:00:00Z';
    expect(followUpsDue(households, followUps, now, true)).toEqual([
      {
        placementId: 'hh-b:p2',
        workerId: 'hh-b.1',
        householdId: 'hh-b',
        dueAt: '2026-02-10',
        followUp: 1,
        startDate: '2026-01-10',
        channel: 'out_of_province',
        workerName: '王芳',
      },
      expect.objectContaining({ placementId: 'hh-a:p1', dueAt: '2026-04-02', followUp: 1 }),
    ]);
    expect(followUpsDue(households, followUps, now, false)).toEqual([
      expect.objectContaining({ placementId: 'hh-c:p3', dueAt: '2026-04-20', followUp: 3 }),
    ]);
  });
});

import { employmentMonitorStream, zeroEmploymentCaseStream } from '@contracts';
import { EventLogBuilder } from '../monitor/testing/event-log';
import { projectAll } from '../shared/keyed-projection';
import { DEFAULT_CASE_DEADLINES } from './case-deadlines';
import { caseFileProjection, caseView } from './case-file.projection';

const fold = (log: EventLogBuilder) => projectAll(caseFileProjection, log.events);

describe('case file projection', () => {
  const ids = { householdId: 'hh-1', countyCode: '520402' };
  const stream = zeroEmploymentCaseStream('hh-1:2');

  function history(): EventLogBuilder {
    const log = new EventLogBuilder();
    log.append(stream, 'ZeroEmploymentCaseOpened', { ...ids, openedAt: '2026-03-01T08:00:00Z' });
    log.append(stream, 'ZeroEmploymentCaseAssigned', {
      ...ids,
      assignee: { id: 'c-1', name: '李明' },
      assignedAt: '2026-03-01T09:00:00Z',
    });
    log.append(stream, 'ZeroEmploymentCaseMeasureRecorded', {
      ...ids,
      measureId: 'm-1',
      kind: 'career_guidance',
      takenAt: '2026-03-02T10:00:00Z',
      recordedAt: '2026-03-02T11:00:00Z',
    });
    log.append(stream, 'ZeroEmploymentCaseVerified', {
      ...ids,
      verificationId: 'v-1',
      visitedAt: '2026-03-01T15:00:00Z',
      method: 'phone',
      finding: 'confirmed',
      recordedAt: '2026-03-01T16:00:00Z',
    });
    return log;
  }

  it('keeps one document per case, keyed by its id, with the timeline, assignee and first measure', () => {
    const docs = fold(history());
    expect(Object.keys(docs)).toEqual(['hh-1:2']);
    const doc = docs['hh-1:2'];
    expect(doc).toMatchObject({
      caseNo: 2,
      assignee: { id: 'c-1', name: '李明' },
      measures: 1,
      firstMeasureAt: '2026-03-02T10:00:00Z',
      lastFinding: 'confirmed',
      // The latest business time, not the last event's, and what happened then.
      lastActionAt: '2026-03-02T10:00:00Z',
      lastAction: 'measure',
      clearedAt: null,
    });
    expect(doc.timeline.map((t) => [t.type, t.by])).toEqual([
      ['opened', 'officer-1'],
      ['assigned', 'officer-1'],
      ['measure', 'officer-1'],
      ['verified', 'officer-1'],
    ]);
    expect(caseView(doc, DEFAULT_CASE_DEADLINES, '2026-03-03T08:00:00Z')).toMatchObject({
      status: 'open',
      ageDays: 2,
      warning: 'green',
      assistOverdue: false,
    });
  });

  it('closes the case at its clearing, and ignores a replay', () => {
    const log = history();
    log.append(stream, 'ZeroEmploymentCaseCleared', {
      ...ids,
      openedAt: '2026-03-01T08:00:00Z',
      clearedAt: '2026-03-04T08:00:00Z',
      clearedBy: { kind: 'employment', channel: 'workshop' },
    });
    const once = fold(log);
    expect(once['hh-1:2']).toMatchObject({
      clearedAt: '2026-03-04T08:00:00Z',
      lastAction: 'cleared',
      timeline: expect.any(Array),
    });
    const twice = projectAll(caseFileProjection, log.events, once);
    expect(twice).toBe(once);
  });

  it('ignores case events outside a case stream (the monitor streams held them before cases had streams)', () => {
    const log = new EventLogBuilder();
    log.append(employmentMonitorStream('hh-1'), 'ZeroEmploymentCaseOpened', {
      ...ids,
      openedAt: '2026-03-01T08:00:00Z',
    });
    expect(fold(log)).toEqual({});
  });
});

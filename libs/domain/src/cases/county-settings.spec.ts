import { given } from '../shared/testing/decider-spec';
import { DEFAULT_CASE_DEADLINES } from './case-deadlines';
import { countySettingsDecider, countySettingsProjection, deadlinesAt, deadlinesOf } from './county-settings';

const now = '2026-03-01T08:00:00Z';
const set = (assistWithinDays: number, clearWithinDays: number) => ({
  type: 'SetCaseDeadlines' as const,
  countyCode: '520402',
  assistWithinDays,
  clearWithinDays,
  now,
});
const deadlinesSet = (assistWithinDays: number, clearWithinDays: number) => ({
  type: 'CountyCaseDeadlinesSet' as const,
  data: { countyCode: '520402', assistWithinDays, clearWithinDays, setAt: now },
});

describe('county settings decider', () => {
  it('sets the deadlines; the default (3, 5) again appends nothing', () => {
    given(countySettingsDecider)
      .when(set(2, 4))
      .then([deadlinesSet(2, 4)]);
    given(countySettingsDecider).when(set(3, 5)).thenNothing();
    given(countySettingsDecider, [deadlinesSet(2, 4)])
      .when(set(2, 4))
      .thenNothing();
  });
  it('refuses an assistance deadline after the clearing one', () =>
    given(countySettingsDecider).when(set(6, 5)).thenRejects('invalid_value'));
});

describe('the deadlines in force at a time', () => {
  const setAt = (setAtTime: string, assistWithinDays: number, clearWithinDays: number, revision: number) =>
    ({
      type: 'CountyCaseDeadlinesSet',
      revision,
      data: { countyCode: '520402', assistWithinDays, clearWithinDays, setAt: setAtTime },
    }) as never;
  const first = countySettingsProjection.evolve(undefined, setAt('2026-03-01T00:00:00Z', 2, 4, 0));
  const settings = countySettingsProjection.evolve(first, setAt('2026-04-01T00:00:00Z', 1, 1, 1))!;

  it('keeps every setting, so a case cleared under one is judged by it after the county changed them', () => {
    expect(deadlinesOf(settings)).toEqual({ assistWithinDays: 1, clearWithinDays: 1 });
    expect(deadlinesAt(settings, '2026-03-15T00:00:00Z')).toEqual({
      assistWithinDays: 2,
      clearWithinDays: 4,
    });
    expect(deadlinesAt(settings, '2026-04-01T00:00:00Z')).toEqual({
      assistWithinDays: 1,
      clearWithinDays: 1,
    });
  });
  it('is the default before a county set any, and for a county that never did', () => {
    expect(deadlinesAt(settings, '2026-02-01T00:00:00Z')).toEqual(DEFAULT_CASE_DEADLINES);
    expect(deadlinesAt(undefined, '2026-04-01T00:00:00Z')).toEqual(DEFAULT_CASE_DEADLINES);
  });
  it('reads a document kept before its history as its one setting', () => {
    const { history: _history, ...older } = settings;
    expect(deadlinesAt(older, '2026-03-15T00:00:00Z')).toEqual(DEFAULT_CASE_DEADLINES);
    expect(deadlinesAt(older, '2026-05-01T00:00:00Z')).toEqual({ assistWithinDays: 1, clearWithinDays: 1 });
  });
});

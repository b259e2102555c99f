import { given } from '../shared/testing/decider-spec';
import { countySettingsDecider } from './county-settings';

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

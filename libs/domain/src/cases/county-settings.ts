import { accept, alreadyDone, reject, type Decider } from '../shared/decider';
import type { EventsOfStream } from '@contracts';
import type { KeyedProjection } from '../shared/keyed-projection';
import { DEFAULT_CASE_DEADLINES, type CaseDeadlines } from './case-deadlines';

export type CountySettingsEvent = EventsOfStream<'countySettings'>;

export type SetCaseDeadlines = {
  readonly type: 'SetCaseDeadlines';
  readonly countyCode: string;
  readonly now: string;
} & CaseDeadlines;

export type CountySettingsState = { readonly deadlines: CaseDeadlines };

/** A county's settings (stream `county-settings-<code>`): today its case deadlines. */
export const countySettingsDecider: Decider<SetCaseDeadlines, CountySettingsState, CountySettingsEvent> = {
  initialState: () => ({ deadlines: DEFAULT_CASE_DEADLINES }),
  evolve: (_state, event) => ({
    deadlines: {
      assistWithinDays: event.data.assistWithinDays,
      clearWithinDays: event.data.clearWithinDays,
    },
  }),
  decide(command, state) {
    const { countyCode, assistWithinDays, clearWithinDays, now } = command;
    if (assistWithinDays > clearWithinDays) {
      return reject('invalid_value', 'The assistance deadline cannot come after the clearing deadline', {
        field: 'assistWithinDays',
      });
    }
    const same =
      state.deadlines.assistWithinDays === assistWithinDays &&
      state.deadlines.clearWithinDays === clearWithinDays;
    if (same) return alreadyDone();
    return accept({
      type: 'CountyCaseDeadlinesSet',
      data: { countyCode, assistWithinDays, clearWithinDays, setAt: now },
    });
  },
};

/** The read side: one document per county that set its deadlines (the others use the default). */
export interface CountySettings extends CaseDeadlines {
  readonly countyCode: string;
  readonly setAt: string;
  readonly lastRevision: number;
}

export const countySettingsProjection: KeyedProjection<CountySettings, 'CountyCaseDeadlinesSet'> = {
  name: 'county-settings',
  handles: ['CountyCaseDeadlinesSet'],
  keyOf: (event) => event.data.countyCode,
  evolve: (_doc, event) => ({ ...event.data, lastRevision: event.revision }),
};

/** A county's deadlines: its own setting, or the default. */
export const deadlinesOf = (settings: CountySettings | undefined): CaseDeadlines =>
  settings
    ? { assistWithinDays: settings.assistWithinDays, clearWithinDays: settings.clearWithinDays }
    : DEFAULT_CASE_DEADLINES;

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

/** Deadlines as a county set them, from `setAt` on. */
export interface CaseDeadlinesSet extends CaseDeadlines {
  readonly setAt: string;
}

/** The read side: one document per county that set its deadlines (the others use the default). */
export interface CountySettings extends CaseDeadlinesSet {
  readonly countyCode: string;
  readonly lastRevision: number;
  /** Every setting in force, oldest first (a document written before it was kept holds only its current one). */
  readonly history?: readonly CaseDeadlinesSet[];
}

export const countySettingsProjection: KeyedProjection<CountySettings, 'CountyCaseDeadlinesSet'> = {
  name: 'county-settings',
  handles: ['CountyCaseDeadlinesSet'],
  keyOf: (event) => event.data.countyCode,
  evolve: (doc, event) => {
    const { countyCode: _county, ...set } = event.data;
    return { ...event.data, lastRevision: event.revision, history: [...historyOf(doc), set] };
  },
};

const historyOf = (settings: CountySettings | undefined): readonly CaseDeadlinesSet[] =>
  settings === undefined ? [] : (settings.history ?? [settings]);

const deadlinesIn = (set: CaseDeadlines): CaseDeadlines => ({
  assistWithinDays: set.assistWithinDays,
  clearWithinDays: set.clearWithinDays,
});

/** A county's deadlines now: its own setting, or the default. */
export const deadlinesOf = (settings: CountySettings | undefined): CaseDeadlines =>
  settings ? deadlinesIn(settings) : DEFAULT_CASE_DEADLINES;

/**
 * The deadlines in force at `instant`: a cleared case is judged by those it was cleared under, so a county that
 * changes its deadlines later does not recolour its record.
 */
export function deadlinesAt(settings: CountySettings | undefined, instant: string): CaseDeadlines {
  const at = Date.parse(instant);
  const inForce = historyOf(settings).filter((set) => Date.parse(set.setAt) <= at);
  const last = inForce[inForce.length - 1];
  return last ? deadlinesIn(last) : DEFAULT_CASE_DEADLINES;
}

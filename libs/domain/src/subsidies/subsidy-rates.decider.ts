import type { EventsOfStream } from '@contracts';
import { accept, alreadyDone, type Decider } from '../shared/decider';
import type { SubsidyRates } from './transport-subsidy.commands';

export type SubsidyRatesEvent = EventsOfStream<'transportSubsidyRates'>;

export type SetTransportSubsidyRates = SubsidyRates & {
  readonly type: 'SetTransportSubsidyRates';
  readonly countyCode: string;
  readonly now: string;
};

/** The county's table in force; undefined until the county sets one. */
export type SubsidyRatesState = SubsidyRates | undefined;

const sameRates = (a: SubsidyRates, b: SubsidyRates): boolean => {
  const keys = Object.keys(a.rates);
  return (
    a.default === b.default &&
    keys.length === Object.keys(b.rates).length &&
    keys.every((k) => a.rates[k] === b.rates[k])
  );
};

/**
 * A county's transport-subsidy amounts by destination province (stream `subsidy-rates-<county>`). A new table
 * replaces the old one from its time on; an approval fixes its amount from the table in force, so a later
 * change never alters an approved subsidy. The same table again appends nothing.
 */
export const subsidyRatesDecider: Decider<SetTransportSubsidyRates, SubsidyRatesState, SubsidyRatesEvent> = {
  initialState: () => undefined,
  evolve: (_state, event) => ({
    rates: event.data.rates,
    ...(event.data.default === undefined ? {} : { default: event.data.default }),
  }),
  decide(command, state) {
    const { countyCode, rates, default: fallback, now } = command;
    const next = { rates, ...(fallback === undefined ? {} : { default: fallback }) };
    if (state && sameRates(state, next)) return alreadyDone();
    return accept({
      type: 'TransportSubsidyRatesSet',
      data: { countyCode, ...next, rates: { ...rates }, setAt: now },
    });
  },
};

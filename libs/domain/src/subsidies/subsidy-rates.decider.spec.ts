import { given } from '../shared/testing/decider-spec';
import { subsidyRatesDecider, type SubsidyRatesEvent } from './subsidy-rates.decider';

const now = '2026-03-01T08:00:00Z';
const set = (rates: Record<string, number>, fallback?: number) => ({
  type: 'SetTransportSubsidyRates' as const,
  countyCode: '520402',
  rates,
  ...(fallback === undefined ? {} : { default: fallback }),
  now,
});
const wasSet = (rates: Record<string, number>, fallback?: number): SubsidyRatesEvent => ({
  type: 'TransportSubsidyRatesSet',
  data: { countyCode: '520402', rates, ...(fallback === undefined ? {} : { default: fallback }), setAt: now },
});

describe('transport subsidy rates decider', () => {
  it('sets a county’s first table', () => {
    given(subsidyRatesDecider, [])
      .when(set({ '440000': 500 }, 300))
      .then([wasSet({ '440000': 500 }, 300)]);
  });

  it('appends nothing for the same table again', () => {
    given(subsidyRatesDecider, [wasSet({ '440000': 500 }, 300)])
      .when(set({ '440000': 500 }, 300))
      .thenNothing();
  });

  it('replaces the table when a rate or the default changes', () => {
    given(subsidyRatesDecider, [wasSet({ '440000': 500 }, 300)])
      .when(set({ '440000': 500 }))
      .then([wasSet({ '440000': 500 })]);
    given(subsidyRatesDecider, [wasSet({ '440000': 500 })])
      .when(set({ '440000': 550 }))
      .then([wasSet({ '440000': 550 })]);
  });
});

import { atTime } from './county-stream.controller';

describe('the county stream ends at its token’s expiry', () => {
  afterEach(() => jest.useRealTimers());

  it('waits a token of 30 days for 30 days, not 1 ms (a single timer above 2^31-1 ms fires at once)', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    const fired = jest.fn();
    atTime(Date.now() + 30 * 86_400_000, fired);
    jest.advanceTimersByTime(1_000);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(29 * 86_400_000);
    expect(fired).not.toHaveBeenCalled();
    jest.advanceTimersByTime(86_400_000);
    expect(fired).toHaveBeenCalledTimes(1);
  });

  it('fires at once for a time already past, and not at all once cancelled', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T00:00:00Z') });
    const past = jest.fn();
    atTime(Date.now() - 5_000, past);
    jest.advanceTimersByTime(0);
    expect(past).toHaveBeenCalledTimes(1);
    const cancelled = jest.fn();
    const cancel = atTime(Date.now() + 60_000, cancelled);
    cancel();
    jest.advanceTimersByTime(120_000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

import { CURRENT_EVENTS, ENVELOPE_TIME, EVENT_EXAMPLES } from './events';
import { decodeEvent, decodeStoredEvent, encodeEvent, EventDecodeError, eventTimeOf } from './registry';

const { preference: _p, expectedMonthlyWage: _w, skills: _s, ...current } = EVENT_EXAMPLES.WorkerRegistered;
/** The example worker as v1 recorded it (skills as tags), and as it reads today (skills as codes). */
const common = { ...current, skills: ['sewing'] };
const commonToday = { ...current, skills: ['6-05-01-03'] };

describe('registry: decode with upcasting, encode', () => {
  it('upcasts WorkerRegistered@1 (willingToLeaveProvince) to @3 (preference, no stated wage, skills as codes)', () => {
    const willing = decodeEvent({
      type: 'WorkerRegistered',
      version: 1,
      data: { ...common, willingToLeaveProvince: true },
    });
    expect(willing).toEqual({
      type: 'WorkerRegistered',
      version: 3,
      data: { ...commonToday, preference: 'any', expectedMonthlyWage: null },
    });
    const unwilling = decodeEvent({
      type: 'WorkerRegistered',
      version: 1,
      data: { ...common, willingToLeaveProvince: false },
    });
    expect(unwilling.type === 'WorkerRegistered' && unwilling.data.preference).toBe('in_province');
  });

  it('does not change the stored data it upcasts', () => {
    const stored = { ...common, willingToLeaveProvince: true };
    const before = JSON.stringify(stored);
    decodeEvent({ type: 'WorkerRegistered', version: 1, data: stored });
    expect(JSON.stringify(stored)).toBe(before);
  });

  it('validates old data against its own version', () => {
    const call = () =>
      decodeEvent({ type: 'WorkerRegistered', version: 1, data: { ...common, preference: 'any' } });
    expect(call).toThrow(EventDecodeError);
    expect(call).toThrow(/willingToLeaveProvince/);
  });

  it('decodes current versions as they are', () => {
    const data = EVENT_EXAMPLES.VacancyPosted;
    expect(decodeEvent({ type: 'VacancyPosted', version: 2, data })).toEqual({
      type: 'VacancyPosted',
      version: 2,
      data,
    });
  });

  it.each([
    ['unknown_event_type', { type: 'Nope', version: 1, data: {} }],
    ['unknown_event_version', { type: 'VacancyPosted', version: 3, data: {} }],
    ['unknown_event_version', { type: 'VacancyPosted', version: 0, data: {} }],
    ['invalid_event_data', { type: 'VacancyExpired', version: 1, data: { vacancyId: 'v' } }],
  ])('throws %s', (code, raw) => {
    try {
      decodeEvent(raw);
      throw new Error('expected a throw');
    } catch (error) {
      expect(error).toBeInstanceOf(EventDecodeError);
      expect((error as EventDecodeError).code).toBe(code);
    }
  });

  it('encodes with the current version and refuses invalid data', () => {
    expect(encodeEvent({ type: 'WorkerRegistered', data: EVENT_EXAMPLES.WorkerRegistered })).toEqual({
      type: 'WorkerRegistered',
      version: 3,
      data: EVENT_EXAMPLES.WorkerRegistered,
    });
    const bad = { ...EVENT_EXAMPLES.VacancyExpired, expiredAt: 'tomorrow' };
    expect(() => encodeEvent({ type: 'VacancyExpired', data: bad })).toThrow(/expiredAt/);
  });

  it('decodes a stored event into its envelope', () => {
    const envelope = decodeStoredEvent({
      id: 'e1',
      type: 'VacancyExpired',
      version: 1,
      streamId: 'vacancy-v1',
      revision: 3,
      position: 42n,
      occurredAt: '2027-01-31T00:00:00Z',
      data: EVENT_EXAMPLES.VacancyExpired,
      metadata: { actor: { id: 'system', role: 'system' }, correlationId: 'c', causationId: 'c', extra: 1 },
    });
    expect(envelope.position).toBe(42n);
    expect(envelope.metadata.extra).toBe(1);
    expect(() =>
      decodeStoredEvent({ ...envelope, version: 1, metadata: { actor: { id: 'x', role: 'root' } } }),
    ).toThrow(EventDecodeError);
  });

  describe('eventTimeOf', () => {
    const occurredAt = '2026-12-31T23:59:59Z';

    it.each(CURRENT_EVENTS.map((d) => [d.type, d] as const))(
      '%s: the field its definition names',
      (type, d) => {
        const time = eventTimeOf({ type, data: d.example, occurredAt });
        expect(time).toBe(
          d.time === ENVELOPE_TIME ? occurredAt : (d.example as Record<string, unknown>)[d.time],
        );
      },
    );

    it('reads the named field, whatever other times the data holds', () => {
      const { ZeroEmploymentCaseCleared: cleared, WorkshopCertified: certified } = EVENT_EXAMPLES;
      expect(eventTimeOf({ type: 'ZeroEmploymentCaseCleared', data: cleared, occurredAt })).toBe(
        cleared.clearedAt,
      );
      expect(eventTimeOf({ type: 'WorkshopCertified', data: certified, occurredAt })).toBe(
        certified.certifiedAt,
      );
      const subsidy = EVENT_EXAMPLES.TransportSubsidyEligible;
      expect(eventTimeOf({ type: 'TransportSubsidyEligible', data: subsidy, occurredAt })).toBe(occurredAt);
    });

    it('knows no time of an unknown type', () => {
      expect(() => eventTimeOf({ type: 'Nope', data: {}, occurredAt })).toThrow(EventDecodeError);
    });
  });
});

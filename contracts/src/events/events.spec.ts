import { z } from 'zod';
import { decodeEvent } from '../registry';
import { STREAM_KINDS, type StreamKind } from '../streams';
import { isoDateTime } from '../values';
import { CURRENT_EVENTS, EVENT_EXAMPLES, EVENT_TYPES, eventTypesOf } from './catalogue';
import { defineEvent, ENVELOPE_TIME, type EventDefinition } from './define-event';
import * as contracts from './index';
import { ZeroEmploymentCaseCleared } from './cases.events';
import { VacancyPosted } from './postings.events';
import { WorkerProfileUpdated } from './workforce.events';

const isDefinition = (value: unknown): value is EventDefinition =>
  typeof value === 'object' && value !== null && 'type' in value && 'version' in value && 'schema' in value;

/** A current definition and the versions before it, newest first. */
function versionsOf(current: EventDefinition): EventDefinition[] {
  const versions: EventDefinition[] = [];
  for (let d: EventDefinition | undefined = current; d !== undefined; d = d.previous) versions.push(d);
  return versions;
}

const ALL_VERSIONS: readonly EventDefinition[] = CURRENT_EVENTS.flatMap(versionsOf);
const fieldsOf = (definition: EventDefinition): string[] =>
  Object.keys((definition.schema as z.ZodObject).shape);

describe('event definitions', () => {
  it('give every current type one definition, an example, a kind of stream and a time', () => {
    expect(new Set(EVENT_TYPES).size).toBe(CURRENT_EVENTS.length);
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const definition of CURRENT_EVENTS) {
      expect(EVENT_EXAMPLES[definition.type]).toBe(definition.example);
      expect(Object.keys(STREAM_KINDS)).toContain(definition.stream);
      expect([...fieldsOf(definition), ENVELOPE_TIME]).toContain(definition.time);
    }
  });

  it('place every current type in one kind of stream, the one its definition names', () => {
    const kinds = Object.keys(STREAM_KINDS) as StreamKind[];
    expect(kinds.flatMap((kind) => eventTypesOf(kind)).sort()).toEqual([...EVENT_TYPES].sort());
    for (const kind of kinds) {
      expect(eventTypesOf(kind)).toEqual(CURRENT_EVENTS.filter((d) => d.stream === kind).map((d) => d.type));
    }
  });

  it('are all registered: every exported definition is current or a version before a current one', () => {
    const registered = new Set(ALL_VERSIONS);
    const exported = Object.values(contracts as Record<string, unknown>).filter(isDefinition);
    expect(exported.filter((d) => !registered.has(d)).map((d) => `${d.type}@${d.version}`)).toEqual([]);
    expect(exported.length).toBe(registered.size);
  });

  it('type-check the time against the data and a later version against the one before', () => {
    const schema = z.object({ at: isoDateTime, note: z.string().optional(), count: z.number() }).strict();
    const example = { at: '2026-03-01T08:00:00Z', count: 1 };
    const probe = { type: 'Probe', stream: 'household', schema, example } as const;
    expect(defineEvent({ ...probe, version: 1, time: 'at' }).time).toBe('at');
    // @ts-expect-error not a field of the data
    defineEvent({ ...probe, version: 1, time: 'enrolledAt' });
    // @ts-expect-error not a string
    defineEvent({ ...probe, version: 1, time: 'count' });
    // @ts-expect-error optional: an event without it would have no time
    defineEvent({ ...probe, version: 1, time: 'note' });
    // @ts-expect-error a version above 1 names its previous and its upcast
    expect(() => defineEvent({ ...probe, version: 2, time: 'at' })).toThrow(/previous/);
  });

  describe.each(ALL_VERSIONS.map((d) => [`${d.type}@${d.version}`, d] as const))('%s', (_, definition) => {
    const example = definition.example as Record<string, unknown>;

    it('accepts its example', () => {
      expect(definition.schema.safeParse(example).error?.issues).toBeUndefined();
    });

    it('rejects an unknown field', () => {
      const result = definition.schema.safeParse({ ...example, surprise: 1 });
      expect(result.success).toBe(false);
      expect(result.error?.issues.some((i) => i.code === 'unrecognized_keys')).toBe(true);
    });

    it('rejects a missing required field', () => {
      const required = Object.keys(example).find(
        (key) => !definition.schema.safeParse({ ...example, [key]: undefined }).success,
      );
      expect(required).toBeDefined();
    });

    it('keeps its time in a required date-time field, or carries no date-time (its time is the envelope one)', () => {
      const { time } = definition;
      if (time === ENVELOPE_TIME) {
        expect(Object.values(example).filter((v) => isoDateTime.safeParse(v).success)).toEqual([]);
        return;
      }
      expect(isoDateTime.safeParse(example[time]).success).toBe(true);
      expect(definition.schema.safeParse({ ...example, [time]: undefined }).success).toBe(false);
    });

    if (!(CURRENT_EVENTS as readonly EventDefinition[]).includes(definition)) {
      it('is read through the upcasts to the current version', () => {
        const { type, version } = definition;
        expect(() => decodeEvent({ type, version, data: example })).not.toThrow();
      });
    }
  });

  it('requires welfare terms exactly for public-welfare vacancies', () => {
    const posted = EVENT_EXAMPLES.VacancyPosted;
    const welfare = { monthlySubsidy: 800, termMonths: 12 };
    const publicWelfare = { ...posted, source: { type: 'public_welfare', id: '520402' } };
    expect(VacancyPosted.schema.safeParse({ ...publicWelfare, welfare }).success).toBe(true);
    expect(VacancyPosted.schema.safeParse(publicWelfare).success).toBe(false);
    expect(VacancyPosted.schema.safeParse({ ...posted, welfare }).success).toBe(false);
  });

  it('refuses an empty profile update and a Guizhou county that does not exist', () => {
    const { skills: _skills, ...empty } = EVENT_EXAMPLES.WorkerProfileUpdated;
    expect(WorkerProfileUpdated.schema.safeParse(empty).success).toBe(false);
    const cleared = EVENT_EXAMPLES.ZeroEmploymentCaseCleared;
    expect(ZeroEmploymentCaseCleared.schema.safeParse({ ...cleared, countyCode: '520522' }).success).toBe(
      false,
    );
    expect(
      ZeroEmploymentCaseCleared.schema.safeParse({ ...cleared, clearedBy: { kind: 'no_labour' } }).success,
    ).toBe(true);
    expect(
      ZeroEmploymentCaseCleared.schema.safeParse({
        ...cleared,
        clearedBy: { kind: 'no_labour', channel: 'workshop' },
      }).success,
    ).toBe(false);
  });
});

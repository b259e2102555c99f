import { CURRENT_EVENTS, EVENT_TYPES } from '../registry';
import { EVENT_EXAMPLES } from './event-examples';
import { ZeroEmploymentCaseCleared } from './monitor.events';
import { VacancyPosted } from './postings.events';
import { WorkerProfileUpdated } from './workforce.events';

describe('event schemas', () => {
  it('has 27 current event types, one example each', () => {
    expect(EVENT_TYPES).toHaveLength(27);
    expect(Object.keys(EVENT_EXAMPLES).sort()).toEqual([...EVENT_TYPES].sort());
  });

  describe.each(CURRENT_EVENTS.map((d) => [`${d.type}@${d.version}`, d] as const))('%s', (_, definition) => {
    const example = EVENT_EXAMPLES[definition.type as keyof typeof EVENT_EXAMPLES];

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

import fc from 'fast-check';
import { decodeEvent } from '../registry';
import { LEGACY_SKILL_TAGS, occupationCodeOf, UNCLASSIFIED_OCCUPATION } from '../values';
import { VacancyPostedV1 } from './postings.events';
import { WorkerProfileUpdatedV1, WorkerRegisteredV2, WorkerTrainingCompletedV1 } from './workforce.events';

/** Stored events written before codes: each reads today with codes where the tags were. */
describe('upcasting skill and occupation tags to codes', () => {
  it('reads WorkerRegistered@2 with its skills as codes', () => {
    const { data, version } = decodeEvent({
      type: 'WorkerRegistered',
      version: 2,
      data: WorkerRegisteredV2.example,
    });
    expect(version).toBe(3);
    expect(data).toEqual({ ...WorkerRegisteredV2.example, skills: ['6-05-01-03'] });
  });

  it('reads WorkerProfileUpdated@1 with its skills as codes, and one without skills without them', () => {
    const { data } = decodeEvent({
      type: 'WorkerProfileUpdated',
      version: 1,
      data: WorkerProfileUpdatedV1.example,
    });
    expect(data).toEqual({ ...WorkerProfileUpdatedV1.example, skills: ['6-05-01-03', '6-09-03-11'] });
    const { skills: _s, ...wageOnly } = { ...WorkerProfileUpdatedV1.example, expectedMonthlyWage: 4000 };
    expect(decodeEvent({ type: 'WorkerProfileUpdated', version: 1, data: wageOnly }).data).toEqual(wageOnly);
  });

  it('reads WorkerTrainingCompleted@1 with its skill as a code', () => {
    const { data } = decodeEvent({
      type: 'WorkerTrainingCompleted',
      version: 1,
      data: WorkerTrainingCompletedV1.example,
    });
    expect(data).toEqual({ ...WorkerTrainingCompletedV1.example, skill: '6-09-03-11' });
  });

  it('reads VacancyPosted@1 with its occupation and skills as codes, its details untouched', () => {
    const stored = {
      ...VacancyPostedV1.example,
      occupation: 'construction_worker',
      skills: ['construction', 'welding'],
      meals: true,
      workingHours: '8:00–18:00',
    };
    const { data } = decodeEvent({ type: 'VacancyPosted', version: 1, data: stored });
    expect(data).toEqual({ ...stored, occupation: '6-29-01-01', skills: ['6-29-01-01', '6-18-02-04'] });
  });

  it('keeps a tag no code stands for beside the codes instead of dropping it', () => {
    const vacancy = decodeEvent({
      type: 'VacancyPosted',
      version: 1,
      data: { ...VacancyPostedV1.example, occupation: 'x', skills: ['sewing', 'basket_weaving'] },
    }).data;
    expect(vacancy).toMatchObject({
      occupation: UNCLASSIFIED_OCCUPATION,
      unmappedOccupation: 'x',
      skills: ['6-05-01-03'],
      unmappedSkills: ['basket_weaving'],
    });
    const training = decodeEvent({
      type: 'WorkerTrainingCompleted',
      version: 1,
      data: { ...WorkerTrainingCompletedV1.example, skill: 'juggling' },
    }).data;
    expect(training).toMatchObject({ skill: UNCLASSIFIED_OCCUPATION, unmappedSkill: 'juggling' });
  });

  /** Tags as the old schema allowed them: mostly ones in use, some nobody mapped. */
  const tag = fc.oneof(
    fc.constantFrom(...Object.keys(LEGACY_SKILL_TAGS)),
    fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
  );

  it('reads any v1/v2 skills: every tag is a code or kept as unmapped, each code once', () => {
    fc.assert(
      fc.property(fc.array(tag, { maxLength: 50 }), (tags) => {
        const { data } = decodeEvent({
          type: 'WorkerRegistered',
          version: 2,
          data: { ...WorkerRegisteredV2.example, skills: tags },
        });
        const { skills, unmappedSkills = [] } = data as { skills: string[]; unmappedSkills?: string[] };
        expect(new Set(skills).size).toBe(skills.length);
        for (const t of tags) {
          const code = occupationCodeOf(t);
          if (code === undefined) expect(unmappedSkills).toContain(t);
          else expect(skills).toContain(code);
        }
        expect(skills.length + unmappedSkills.length).toBeLessThanOrEqual(tags.length);
      }),
    );
  });

  it('reads any v1 vacancy occupation as a code of the list or the unclassified one', () => {
    fc.assert(
      fc.property(tag, fc.array(tag, { maxLength: 10 }), (occupation, skills) => {
        const { data } = decodeEvent({
          type: 'VacancyPosted',
          version: 1,
          data: { ...VacancyPostedV1.example, occupation, skills },
        });
        const read = data as { occupation: string; unmappedOccupation?: string };
        expect(read.occupation).toBe(occupationCodeOf(occupation) ?? UNCLASSIFIED_OCCUPATION);
        expect(read.unmappedOccupation).toBe(
          occupationCodeOf(occupation) === undefined ? occupation : undefined,
        );
      }),
    );
  });
});

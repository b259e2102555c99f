import { toErrorIssues } from '../http/errors';
import { postVacancyBody } from '../http/postings.bodies';
import { householdBodyAt, recordTrainingBody, updateWorkerBody } from '../http/workforce.bodies';
import { occupationCodes, occupationInput, projectedSkills, skillsInput } from './occupation-code';
import {
  isKnownOccupation,
  LEGACY_SKILL_TAGS,
  OCCUPATION_CODE_PATTERN,
  OCCUPATIONS,
  occupationCodeOf,
  occupationOf,
  UNCLASSIFIED_OCCUPATION,
} from './occupations';

const HAN = /\p{Script=Han}/u;

describe('the occupation list', () => {
  it('holds each code once, in the 大典 shape, with a Chinese title and an English label', () => {
    expect(new Set(OCCUPATIONS.map((o) => o.code)).size).toBe(OCCUPATIONS.length);
    expect(OCCUPATIONS.length).toBeGreaterThanOrEqual(60);
    for (const { code, zh, en } of OCCUPATIONS) {
      expect(code).toMatch(OCCUPATION_CODE_PATTERN);
      expect(zh).toMatch(HAN);
      expect(zh).not.toMatch(/[a-z]/i);
      expect(en).toMatch(/^[A-Z][A-Za-z ,()'-]+$/);
    }
  });

  it('knows the codes the issue names and the ones the county offices see most', () => {
    expect(occupationOf('6-05-01-03')).toEqual({
      code: '6-05-01-03',
      label: '缝纫工',
      labelEn: 'Sewing machinist',
    });
    expect(occupationOf('6-05-01-01').label).toBe('服装制版师');
    expect(occupationOf('4-10-01-06').label).toBe('家政服务员');
    expect(occupationOf('4-07-05-01').label).toBe('保安员');
    expect(occupationOf('4-09-08-01').label).toBe('保洁员');
    expect(occupationOf(UNCLASSIFIED_OCCUPATION).label).toBe('不便分类的其他从业人员');
  });

  it('codes the 2020 new occupations as their 2021 national skill standards do', () => {
    expect(occupationOf('4-01-02-07').label).toBe('互联网营销师');
    expect(occupationOf('4-02-07-10').label).toBe('网约配送员');
    expect(isKnownOccupation('4-01-06-02')).toBe(false);
    expect(isKnownOccupation('4-10-08-01')).toBe(false);
  });

  it('maps every legacy tag to a code of the list, and no tag looks like a code', () => {
    for (const [tag, code] of Object.entries(LEGACY_SKILL_TAGS)) {
      expect(tag).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(isKnownOccupation(code)).toBe(true);
    }
    expect(occupationCodeOf('sewing')).toBe('6-05-01-03');
    expect(occupationCodeOf('sewing_machinist')).toBe('6-05-01-03');
    expect(occupationCodeOf('6-29-01-01')).toBe('6-29-01-01');
    expect(occupationCodeOf('6-99-99-99')).toBeUndefined();
    expect(occupationCodeOf('knitting')).toBeUndefined();
  });

  it('labels an unknown code as itself, so an old record still shows something', () => {
    expect(occupationOf('9-99-99-99')).toEqual({
      code: '9-99-99-99',
      label: '9-99-99-99',
      labelEn: '9-99-99-99',
    });
  });
});

describe('skills in events and answers', () => {
  it('are codes in events; an answer also shows the tags of a row projected before codes', () => {
    expect(occupationCodes.safeParse(['6-05-01-03']).success).toBe(true);
    expect(occupationCodes.safeParse(['sewing']).success).toBe(false);
    expect(projectedSkills.safeParse(['6-05-01-03', 'sewing']).success).toBe(true);
    expect(projectedSkills.safeParse(['Sewing!']).success).toBe(false);
  });
});

describe('occupation input', () => {
  it('takes a code as it is and a legacy tag as its code', () => {
    expect(occupationInput.parse('6-05-01-03')).toBe('6-05-01-03');
    expect(occupationInput.parse('construction')).toBe('6-29-01-01');
    expect(skillsInput.parse(['sewing', 'sewing_machinist', '6-31-01-03'])).toEqual([
      '6-05-01-03',
      '6-31-01-03',
    ]);
  });

  it('refuses an unknown value, in Chinese and English, naming it', () => {
    const issues = occupationInput.safeParse('knitting').error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0].message).toMatch(/未知的职业或技能「knitting」/);
    expect(issues[0].message).toMatch(/Unknown occupation "knitting"/);
    expect(occupationInput.safeParse('6-99-99-99').success).toBe(false);
  });

  const member = {
    name: '王芳',
    idNumber: '520402198603150028',
    birthYear: 1986,
    gender: 'female',
    labourCapacity: 'full',
    preference: 'any',
  };
  const vacancy = {
    source: { type: 'labour_station', id: 'station-gz-001' },
    title: '缝纫工',
    location: { province: '广东省', city: '广州市' },
    openings: 5,
    wage: { min: 4500, max: 6000, period: 'month' },
    ageRange: { min: 18, max: 50 },
    labourCapacities: ['full'],
    expiresAt: '2099-01-31T00:00:00Z',
  };
  const paths = (result: { error?: Parameters<typeof toErrorIssues>[0] }) =>
    result.error ? toErrorIssues(result.error).map((i) => i.path) : [];

  it.each<[string, () => { error?: Parameters<typeof toErrorIssues>[0] }, string[]]>([
    [
      'a member skill',
      () =>
        householdBodyAt(() => 2026).safeParse({
          countyCode: '520402',
          relocationSiteId: 'site-520402-01',
          members: [{ ...member, skills: ['sewing', '6-05-01-03', 'knitting'] }],
        }),
      ['members.0.skills.2'],
    ],
    ['a profile skill', () => updateWorkerBody.safeParse({ skills: ['cooking', 'juggling'] }), ['skills.1']],
    [
      'a training skill',
      () =>
        recordTrainingBody.safeParse({
          name: '培训',
          skill: 'juggling',
          completedAt: '2026-03-01T00:00:00Z',
        }),
      ['skill'],
    ],
    [
      'a vacancy occupation and skill',
      () => postVacancyBody.safeParse({ ...vacancy, occupation: 'tailor', skills: ['sewing', 'x'] }),
      ['occupation', 'skills.1'],
    ],
  ])('names the field of %s it refuses', (_, parse, expected) => {
    expect(paths(parse())).toEqual(expected);
  });

  it('turns the tags of today’s clients into codes in every body', () => {
    const posted = postVacancyBody.parse({ ...vacancy, occupation: 'sewing_machinist', skills: ['sewing'] });
    expect([posted.occupation, posted.skills]).toEqual(['6-05-01-03', ['6-05-01-03']]);
    expect(updateWorkerBody.parse({ skills: ['cooking'] }).skills).toEqual(['4-03-02-01']);
    const trained = recordTrainingBody.parse({
      name: '刺绣',
      skill: 'embroidery',
      completedAt: '2026-03-01T00:00:00Z',
    });
    expect(trained.skill).toBe('6-09-03-11');
  });
});

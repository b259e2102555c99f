import { residentIdCheckCharacter } from '../values';
import { toErrorIssues } from './errors';
import {
  householdBodyAt,
  recordTrainingBody,
  reportEmploymentBody,
  updateWorkerBody,
} from './workforce.bodies';

const member = {
  name: '王芳',
  idNumber: '520402198603150028',
  birthYear: 1986,
  gender: 'female',
  labourCapacity: 'full',
  skills: ['sewing'],
  preference: 'out_of_province',
  expectedMonthlyWage: 3500,
};
const withCheck = (first17: string) => first17 + residentIdCheckCharacter(first17);
const household = { countyCode: '520402', relocationSiteId: 'site-520402-01', members: [member] };
const body = householdBodyAt(() => 2026);

function issuePaths(input: unknown): string[] {
  const result = body.safeParse(input);
  if (result.success) throw new Error('expected the body to be refused');
  return toErrorIssues(result.error).map((i) => i.path);
}

describe('POST /v1/households body', () => {
  it('accepts the §6.1 example and normalises x', () => {
    expect(body.safeParse(household).error).toBeUndefined();
    const second = {
      ...member,
      idNumber: '52052419900101123x',
      birthYear: 1990,
      gender: 'male',
      expectedMonthlyWage: undefined,
    };
    const parsed = body.parse({ ...household, members: [member, second] });
    expect(parsed.members[1].idNumber).toBe('52052419900101123X');
  });

  it.each<[string, object, string]>([
    [
      'a bad check digit',
      { ...household, members: [{ ...member, idNumber: '520402198603150027' }] },
      'members.0.idNumber',
    ],
    [
      'a short ID number',
      { ...household, members: [{ ...member, idNumber: '5204021986' }] },
      'members.0.idNumber',
    ],
    ['a county that is not in Guizhou', { ...household, countyCode: '440106' }, 'countyCode'],
    ['a retired Guizhou code', { ...household, countyCode: '520522' }, 'countyCode'],
    ['no members', { ...household, members: [] }, 'members'],
    ['21 members', { ...household, members: Array(21).fill(member) }, 'members'],
    [
      'a birth year before 1940',
      { ...household, members: [{ ...member, birthYear: 1939 }] },
      'members.0.birthYear',
    ],
    [
      'a member younger than 16',
      { ...household, members: [{ ...member, birthYear: 2011 }] },
      'members.0.birthYear',
    ],
    [
      'an unknown capacity',
      { ...household, members: [{ ...member, labourCapacity: 'strong' }] },
      'members.0.labourCapacity',
    ],
    ['an unknown member field', { ...household, members: [{ ...member, phone: '1' }] }, 'members.0.phone'],
    [
      'a negative wage',
      { ...household, members: [{ ...member, expectedMonthlyWage: -5 }] },
      'members.0.expectedMonthlyWage',
    ],
    ['the same person twice', { ...household, members: [member, member] }, 'members.1.idNumber'],
  ])('refuses %s', (_, input, path) => {
    expect(issuePaths(input)).toContain(path);
  });

  it('accepts the youngest allowed birth year', () => {
    const bornIn2010 = { ...member, idNumber: withCheck('52040220100315002'), birthYear: 2010 };
    expect(body.safeParse({ ...household, members: [bornIn2010] }).error).toBeUndefined();
  });

  it('refuses a birth year or a gender the ID number contradicts, on that field', () => {
    const bornIn2005 = withCheck('52040220050315002');
    expect(issuePaths({ ...household, members: [{ ...member, idNumber: bornIn2005 }] })).toEqual([
      'members.0.birthYear',
    ]);
    const aMan = withCheck('52040219860315001');
    expect(issuePaths({ ...household, members: [member, { ...member, idNumber: aMan }] })).toEqual([
      'members.1.gender',
    ]);
    expect(
      body.safeParse({ ...household, members: [{ ...member, idNumber: aMan, gender: 'male' }] }).success,
    ).toBe(true);
  });

  it('refuses a name that is not printable text, and stores the normalised one', () => {
    expect(issuePaths({ ...household, members: [{ ...member, name: '\u200b\u200b' }] })).toEqual([
      'members.0.name',
    ]);
    expect(body.parse({ ...household, members: [{ ...member, name: ' 王\u3000芳 ' }] }).members[0].name).toBe(
      '王\u3000芳',
    );
  });
});

describe('worker bodies', () => {
  it('PATCH needs at least one known field', () => {
    expect(updateWorkerBody.safeParse({ labourCapacity: 'weak' }).success).toBe(true);
    expect(updateWorkerBody.safeParse({}).success).toBe(false);
    expect(updateWorkerBody.safeParse({ name: 'x' }).success).toBe(false);
  });

  it('training and employment report', () => {
    const training = {
      name: '刺绣培训',
      skill: 'embroidery',
      completedAt: '2026-03-01T00:00:00Z',
      hours: 40,
    };
    expect(recordTrainingBody.safeParse(training).success).toBe(true);
    expect(recordTrainingBody.safeParse({ ...training, completedAt: 'yesterday' }).success).toBe(false);
    expect(recordTrainingBody.safeParse({ ...training, hours: 0 }).success).toBe(false);
    const report = { channel: 'self_employed', source: 'declaration', startDate: '2026-02-15' };
    expect(reportEmploymentBody.safeParse(report).success).toBe(true);
    expect(reportEmploymentBody.safeParse({ ...report, channel: 'farming' }).success).toBe(false);
    expect(reportEmploymentBody.safeParse({ ...report, startDate: '2026-02-30' }).success).toBe(false);
  });
});

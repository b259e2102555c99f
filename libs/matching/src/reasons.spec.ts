import { OCCUPATIONS } from '@contracts/values/occupations';
import { prefectureOfCounty } from '@contracts/regions/guizhou-divisions';
import { generatePopulation } from '../../../seeds/src/population-generator';
import type { HouseholdMemberBody, SeedCommand, VacancyBody } from '../../../seeds/src/seed-commands';
import type { LabourCapacity, MatchingHousehold, MatchingVacancy, MatchingWorker } from './model';
import { reason } from './reasons';
import { scoreMatch } from './score';
import { CTX } from './testing/fixtures';
import { sourceFacts } from './testing/small-problem';

/** An ASCII slug (`sewing`, `construction_worker`) or a bare code: neither may reach a Chinese reason. */
const SLUG = /[a-z_]{3,}/;
const CODE = /\d-\d{2}-\d{2}-\d{2}/;

const demo: readonly SeedCommand[] = [
  ...generatePopulation({ scale: 'demo', now: '2026-03-10T04:00:00.000Z' }),
];

function workersOf(): { workers: MatchingWorker[]; households: Map<string, MatchingHousehold> } {
  const workers: MatchingWorker[] = [];
  const households = new Map<string, MatchingHousehold>();
  for (const command of demo) {
    if (command.kind !== 'registerHousehold') continue;
    const { countyCode, relocationSiteId, members } = command.body;
    const able = members.filter(
      (m): m is HouseholdMemberBody & { labourCapacity: LabourCapacity } => m.labourCapacity !== 'none',
    );
    households.set(command.ref, { id: command.ref, countyCode, labourCapable: able.length, employed: 0 });
    able.forEach((m, i) => {
      const skills = m.skills ?? [];
      workers.push({
        id: `${command.ref}.${i + 1}`,
        householdId: command.ref,
        birthYear: m.birthYear,
        labourCapacity: m.labourCapacity,
        preference: m.preference,
        skills,
        // Every third worker was trained in their first trade: the training reason is shown too.
        trainings: i % 3 === 0 ? skills.slice(0, 1) : [],
        expectedMonthlyWage: m.expectedMonthlyWage,
        returnee: m.returnee ?? false,
        relocationSiteId,
        countyCode,
        prefectureCode: prefectureOfCounty(countyCode)?.code ?? '',
        employed: false,
      });
    });
  }
  return { workers, households };
}

function vacancyOf(ref: string, body: VacancyBody): MatchingVacancy {
  const source = body.source.type === 'labour_station' ? 'labour_station' : body.source.type;
  const countyCode = body.location.countyCode;
  return {
    id: ref,
    posterId: body.source.id,
    source,
    ...sourceFacts(source),
    occupation: body.occupation,
    requiredSkills: body.skills ?? [],
    location: {
      provinceIsGuizhou: body.location.province === '贵州省',
      countyCode,
      prefectureCode: countyCode ? prefectureOfCounty(countyCode)?.code : undefined,
    },
    remainingOpenings: body.openings,
    wageMin: body.wage.min,
    wageMax: body.wage.max,
    ageMin: body.ageRange.min,
    ageMax: body.ageRange.max,
    acceptedCapacities: body.labourCapacities,
    expiresAt: CTX.now + 86_400_000,
    status: 'open',
  };
}

describe('reasons over the seeded population', () => {
  const { workers, households } = workersOf();
  const vacancies = demo.flatMap((c) => (c.kind === 'postVacancy' ? [vacancyOf(c.ref, c.body)] : []));
  const reasons = vacancies.flatMap((vacancy) => {
    const skilled = workers
      .filter((w) => w.skills.some((s) => vacancy.requiredSkills.includes(s)))
      .slice(0, 40);
    return [...skilled, ...workers.slice(0, 5)].flatMap(
      (w) => scoreMatch(w, households.get(w.householdId)!, vacancy, CTX).reasons,
    );
  });

  it('covers the seeded trades: skill and training reasons name them', () => {
    expect(vacancies.length).toBeGreaterThan(20);
    const skillTexts = reasons.filter((r) => r.code === 'skills_matched').map((r) => r.zh);
    expect(skillTexts.length).toBeGreaterThan(100);
    expect(reasons.some((r) => r.code === 'training_matched')).toBe(true);
    const titlesShown = OCCUPATIONS.filter((o) => skillTexts.some((t) => t.includes(o.zh)));
    expect(titlesShown.map((o) => o.zh)).toEqual(
      expect.arrayContaining(['缝纫工', '电子设备装接工', '保洁员']),
    );
  });

  it('writes Chinese reasons with Chinese titles only: no ASCII slug, no bare code', () => {
    const offending = [...new Set(reasons.map((r) => r.zh))].filter((zh) => SLUG.test(zh) || CODE.test(zh));
    expect(offending).toEqual([]);
  });

  it('writes English reasons with English labels: no slug with an underscore, no bare code', () => {
    const offending = [...new Set(reasons.map((r) => r.en))].filter(
      (en) => /[a-z]_[a-z]/.test(en) || CODE.test(en),
    );
    expect(offending).toEqual([]);
    expect(reasons.some((r) => r.en.includes('Sewing machinist'))).toBe(true);
  });
});

describe('reason texts', () => {
  it('name the matched occupations by title, in each language', () => {
    const matched = reason('skills_matched', 35, { matched: ['6-05-01-03', '6-18-02-04'], required: 2 });
    expect(matched.zh).toBe('技能匹配：具备岗位要求的 2/2 项技能（缝纫工、焊工）');
    expect(matched.en).toBe('Skills match: has 2 of 2 required skills (Sewing machinist, Welder)');
    expect(reason('training_matched', 5, { matched: ['6-09-03-11'] }).zh).toBe(
      '培训对口：已完成相关技能培训（抽纱刺绣工）',
    );
  });
});

import { occupationOf } from '@contracts/values/occupations';

/**
 * The reasons a recommendation is made, in words a broker understands (Chinese first, English too).
 * Each reason carries the points it added to the score, so a broker sees what weighed how much.
 */

export type ReasonCode =
  | 'skills_matched'
  | 'training_matched'
  | 'no_skill_required'
  | 'same_relocation_site'
  | 'same_county'
  | 'same_prefecture'
  | 'in_province'
  | 'partner_city_station'
  | 'out_of_province'
  | 'wage_meets_expectation'
  | 'wage_range_reaches_expectation'
  | 'wage_below_expectation'
  | 'no_wage_expectation'
  | 'zero_employment_household'
  | 'household_low_employment'
  | 'returnee'
  | 'older_worker';

export interface MatchReason {
  readonly code: ReasonCode;
  /** Points this reason added to the score (0..100 in total). */
  readonly points: number;
  readonly zh: string;
  readonly en: string;
}

export interface ReasonDetail {
  /** Occupation codes (GB/T 6565): the texts show their titles, never the codes. */
  readonly matched?: readonly string[];
  readonly required?: number;
  readonly expected?: number;
  readonly wageMin?: number;
  readonly wageMax?: number;
  readonly employed?: number;
  readonly labourCapable?: number;
  readonly age?: number;
}

/** The Chinese titles of occupation codes (缝纫工、焊工): a Chinese text holds no ASCII slug. */
function titles(codes: readonly string[] | undefined): string {
  return (codes ?? []).map((code) => occupationOf(code).label).join('、');
}

/** The English labels of occupation codes. */
function labels(codes: readonly string[] | undefined): string {
  return (codes ?? []).map((code) => occupationOf(code).labelEn).join(', ');
}

const TEXT: Record<ReasonCode, (d: ReasonDetail) => [zh: string, en: string]> = {
  skills_matched: (d) => [
    `技能匹配：具备岗位要求的 ${d.matched?.length ?? 0}/${d.required ?? 0} 项技能（${titles(d.matched)}）`,
    `Skills match: has ${d.matched?.length ?? 0} of ${d.required ?? 0} required skills (${labels(d.matched)})`,
  ],
  training_matched: (d) => [
    `培训对口：已完成相关技能培训（${titles(d.matched)}）`,
    `Relevant training completed (${labels(d.matched)})`,
  ],
  no_skill_required: () => ['岗位无技能要求，可直接上岗', 'No skills required: can start directly'],
  same_relocation_site: () => [
    '就在本安置点，属"15分钟就业圈"，方便照顾家庭',
    'At the worker’s own relocation site (15-minute employment circle): close to home',
  ],
  same_county: () => ['本县就业，离家近', 'In the worker’s own county: close to home'],
  same_prefecture: () => ['本市（州）内就业', 'In the worker’s own prefecture'],
  in_province: () => ['省内就业', 'In Guizhou province'],
  partner_city_station: () => [
    '对口协作城市劳务协作站岗位，有站点跟踪服务和稳岗支持',
    'Post from the labour station in the partner city: the station follows up and helps keep the job',
  ],
  out_of_province: () => [
    '省外务工岗位，可申请一次性跨省交通补贴',
    'Out-of-province job: eligible for the one-time transport subsidy',
  ],
  wage_meets_expectation: (d) => [
    `工资达到期望：起薪 ${d.wageMin} 元/月 ≥ 期望 ${d.expected} 元/月`,
    `Wage meets expectation: starts at ${d.wageMin} ≥ expected ${d.expected} yuan/month`,
  ],
  wage_range_reaches_expectation: (d) => [
    `工资可达期望：${d.wageMin}–${d.wageMax} 元/月，期望 ${d.expected} 元/月`,
    `Wage can reach expectation: ${d.wageMin}–${d.wageMax}, expected ${d.expected} yuan/month`,
  ],
  wage_below_expectation: (d) => [
    `工资低于期望：最高 ${d.wageMax} 元/月，期望 ${d.expected} 元/月`,
    `Wage below expectation: at most ${d.wageMax}, expected ${d.expected} yuan/month`,
  ],
  no_wage_expectation: () => ['未填写期望工资', 'No wage expectation given'],
  zero_employment_household: () => [
    '零就业家庭，优先安排（动态清零）',
    'Zero-employment household: placed first (dynamic clearing)',
  ],
  household_low_employment: (d) => [
    `家庭就业人数少：${d.labourCapable} 名劳动力中 ${d.employed} 人就业`,
    `Few employed in the household: ${d.employed} of ${d.labourCapable} members with labour capacity`,
  ],
  returnee: () => ['返乡回流人员，优先帮扶', 'Returnee: a priority group'],
  older_worker: (d) => [`大龄劳动力（${d.age} 岁），优先帮扶`, `Older worker (${d.age}): a priority group`],
};

export function reason(code: ReasonCode, points: number, detail: ReasonDetail = {}): MatchReason {
  const [zh, en] = TEXT[code](detail);
  return { code, points, zh, en };
}

import { GUIZHOU_COUNTIES } from '@contracts/regions/guizhou-divisions';
import { OCC } from './occupation-codes';
import { apportion, createRng, hashSeed } from './prng';
import { countyShortName } from './region-names';
import { COUNTY_HOUSEHOLDS } from './relocation-volume';

/**
 * County public-welfare post programmes (乡村公益性岗位): for people who cannot take market jobs.
 * DOMAIN.md: 63,400 people in such posts province-wide (Anshun 30,241 including non-relocated people);
 * 按需设岗、以岗聘任、在岗领补、有序退岗. Subsidies are monthly, 500–1,200 yuan; terms are 12 months.
 */
export const PROVINCE_WELFARE_POSTS = 70_000; // the 63,400 filled plus about 10% spare

export const WELFARE_KINDS = [
  'cleaning',
  'road_care',
  'forest_ranger',
  'security',
  'community_service',
] as const;
export type WelfareKind = (typeof WELFARE_KINDS)[number];

interface KindSpec {
  label: string;
  title: string;
  occupation: string;
  skills: readonly string[];
  subsidy: number;
  share: number;
}

const KINDS: Readonly<Record<WelfareKind, KindSpec>> = {
  cleaning: { label: '保洁', title: '保洁员', occupation: OCC.cleaner, skills: [OCC.cleaner], subsidy: 800, share: 0.3 },
  road_care: { label: '护路', title: '护路员', occupation: OCC.roadMaintainer, skills: [], subsidy: 700, share: 0.2 },
  forest_ranger: { label: '护林', title: '生态护林员', occupation: OCC.forestRanger, skills: [], subsidy: 800, share: 0.2 },
  security: { label: '治安巡逻', title: '治安巡逻员', occupation: OCC.securityGuard, skills: [OCC.securityGuard], subsidy: 900, share: 0.15 },
  community_service: { label: '社区服务', title: '社区服务员', occupation: OCC.communityWorker, skills: [], subsidy: 1000, share: 0.15 },
}; // prettier-ignore

export interface WelfareProgramme {
  /** Stable slug `welfare-<countyCode>-<kind>`. */
  id: string;
  name: string;
  countyCode: string;
  kind: WelfareKind;
  title: string;
  occupation: string;
  skills: readonly string[];
  monthlySubsidy: number;
  termMonths: number;
  /** Posts at province scale (filled and vacant). */
  posts: number;
}

const COUNTY_POSTS: ReadonlyMap<string, number> = (() => {
  const codes = GUIZHOU_COUNTIES.map((c) => c.code);
  const posts = apportion(
    PROVINCE_WELFARE_POSTS,
    codes.map((code) => COUNTY_HOUSEHOLDS.get(code) ?? 0),
  );
  return new Map(codes.map((code, i) => [code, posts[i]]));
})();

function programmesOfCounty(countyCode: string): WelfareProgramme[] {
  const rng = createRng(hashSeed('welfare', countyCode));
  const posts = apportion(
    COUNTY_POSTS.get(countyCode) ?? 0,
    WELFARE_KINDS.map((kind) => KINDS[kind].share),
  );
  return WELFARE_KINDS.map((kind, i) => {
    const spec = KINDS[kind];
    return {
      id: `welfare-${countyCode}-${kind}`,
      name: `${countyShortName(countyCode)}${spec.label}公益性岗位`,
      countyCode,
      kind,
      title: spec.title,
      occupation: spec.occupation,
      skills: spec.skills,
      // Counties set their own rate around the usual one, in steps of 50 yuan, within 500–1,200.
      monthlySubsidy: Math.min(1200, Math.max(500, spec.subsidy + 50 * rng.int(-3, 3))),
      termMonths: 12,
      posts: posts[i],
    };
  });
}

const PROGRAMMES_BY_COUNTY: ReadonlyMap<string, readonly WelfareProgramme[]> = new Map(
  GUIZHOU_COUNTIES.map((county) => [county.code, Object.freeze(programmesOfCounty(county.code))]),
);

export const welfareProgrammesOf = (countyCode: string): readonly WelfareProgramme[] =>
  PROGRAMMES_BY_COUNTY.get(countyCode) ?? [];

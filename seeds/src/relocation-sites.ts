import { GUIZHOU_COUNTIES } from '@contracts/regions/guizhou-divisions';
import { apportion, createRng, hashSeed } from './prng';
import { COUNTY_HOUSEHOLDS, COUNTY_SITE_COUNTS } from './relocation-volume';

/**
 * Relocation sites (安置点 / 安置社区). A few are real, named in the reference documents or public
 * reporting; sizes are estimates. All others are generated names, deterministic per county.
 */
export interface RelocationSite {
  /** Stable slug `site-<countyCode>-<nn>`, sent as relocationSiteId. */
  id: string;
  name: string;
  countyCode: string;
  /** Planned size in households at province scale. */
  households: number;
}

const KNOWN_SITES: readonly (readonly [string, string, number])[] = [
  ['520502', '柏杨林街道安置区', 9000], // 毕节 七星关: the province's largest urban site
  ['520524', '惠民街道安置点', 4000], // 织金 (reference 003)
  ['520526', '五里岗街道安置区', 5000], // 威宁
  ['520527', '金银山街道安置区', 3500], // 赫章
  ['520402', '彩虹社区', 1200], // 安顺 西秀 (reference 004)
  ['522324', '阿妹戚托小镇', 1200], // 晴隆 三宝彝族乡 whole-township relocation
  ['522301', '栗坪社区', 2500], // 兴义 洒金街道
  ['520603', '旺家社区', 2400], // 铜仁 万山
  ['522326', '平洞街道安置区', 2500], // 望谟
];

const NAME_WORDS = [
  '幸福', '新民', '安居', '和谐', '阳光', '锦绣', '康乐', '兴隆', '同心', '惠民', '春晖', '福泽',
  '新城', '丰收', '振兴', '团结', '民福', '感恩', '溪畔', '山水', '凤凰', '金桂', '翠屏', '龙泉',
  '梨园', '桃源', '枫香', '红旗', '新桥', '河滨', '滨江', '望城', '安康', '长青', '云岭', '朝阳',
]; // prettier-ignore
const NAME_SUFFIXES = ['社区', '家园', '小区', '安置点', '新村'] as const;

function sitesOfCounty(countyCode: string): RelocationSite[] {
  const rng = createRng(hashSeed('relocation-sites', countyCode));
  const total = COUNTY_HOUSEHOLDS.get(countyCode) ?? 0;
  const count = COUNTY_SITE_COUNTS.get(countyCode) ?? 1;
  // A real site keeps at most 60% of its county so the generated sites are not emptied.
  const known = KNOWN_SITES.filter(([code]) => code === countyCode).map(
    ([, name, size]) => [name, Math.min(size, Math.floor(total * 0.6))] as const,
  );
  const names = new Set(known.map(([name]) => name));
  const generatedCount = Math.max(0, count - known.length);
  const generatedNames: string[] = [];
  while (generatedNames.length < generatedCount) {
    const name = `${rng.pick(NAME_WORDS)}${rng.pick(NAME_SUFFIXES)}`;
    if (!names.has(name)) {
      names.add(name);
      generatedNames.push(name);
    }
  }
  const rest = total - known.reduce((sum, [, size]) => sum + size, 0);
  // Skewed sizes: a few large urban sites, many small ones (exp of a uniform spreads them ~20x).
  const sizes = apportion(
    rest,
    generatedNames.map(() => Math.exp(rng.next() * 3)),
  );
  const all = [...known, ...generatedNames.map((name, i) => [name, sizes[i]] as const)];
  return all.map(([name, households], i) => ({
    id: `site-${countyCode}-${String(i + 1).padStart(2, '0')}`,
    name,
    countyCode,
    households,
  }));
}

const SITES_BY_COUNTY: ReadonlyMap<string, readonly RelocationSite[]> = new Map(
  GUIZHOU_COUNTIES.map((county) => [county.code, Object.freeze(sitesOfCounty(county.code))]),
);

/** The county's relocation sites, largest known first; empty for a code that is not a Guizhou county. */
export const relocationSitesOf = (countyCode: string): readonly RelocationSite[] =>
  SITES_BY_COUNTY.get(countyCode) ?? [];

/** All 953 sites, county by county. */
export const RELOCATION_SITES: readonly RelocationSite[] = Object.freeze(
  [...SITES_BY_COUNTY.values()].flat(),
);

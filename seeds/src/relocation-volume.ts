import { GUIZHOU_COUNTIES, type County } from '@contracts/regions/guizhou-divisions';
import { apportion } from './prng';

/**
 * How many relocated households each county has at province scale. DOMAIN.md: 1.92 million people
 * (about 410,000 households at ~4.7 people) in 953 resettlement communities. Prefecture shares are
 * estimates: Bijie, Tongren, Qiandongnan, Qianxinan and Qiannan relocated the most; Anshun's ~18,500
 * households match its 17,881 households in work (reference 004).
 */
export const PROVINCE_HOUSEHOLDS = 410_000;
export const PROVINCE_RELOCATION_SITES = 953;

const PREFECTURE_SHARE: Readonly<Record<string, number>> = {
  '520100': 0.01, // 贵阳
  '520200': 0.06, // 六盘水
  '520300': 0.06, // 遵义
  '520400': 0.045, // 安顺
  '520500': 0.25, // 毕节
  '520600': 0.165, // 铜仁
  '522300': 0.145, // 黔西南
  '522600': 0.165, // 黔东南
  '522700': 0.1, // 黔南
};

/** National key assistance counties and other deep-poverty counties: more relocation than their neighbours. */
const HEAVY_RELOCATION = new Set([
  '520203', '520204', '520324', '520326', '520424', '520425', '520502', '520524', '520525',
  '520526', '520527', '520627', '520628', '522324', '522326', '522327', '522629', '522630',
  '522632', '522633', '522728', '522732',
]); // prettier-ignore

function countyWeight(county: County): number {
  if (HEAVY_RELOCATION.has(county.code)) return 1.8;
  return county.kind === 'district' || county.kind === 'county_city' ? 0.6 : 1;
}

function allocateHouseholds(): ReadonlyMap<string, number> {
  const byPrefecture = new Map<string, County[]>();
  for (const county of GUIZHOU_COUNTIES) {
    byPrefecture.set(county.prefectureCode, [...(byPrefecture.get(county.prefectureCode) ?? []), county]);
  }
  const prefectureCodes = [...byPrefecture.keys()];
  const prefectureTotals = apportion(
    PROVINCE_HOUSEHOLDS,
    prefectureCodes.map((code) => PREFECTURE_SHARE[code]),
  );
  const result = new Map<string, number>();
  prefectureCodes.forEach((code, i) => {
    const counties = byPrefecture.get(code) ?? [];
    const shares = apportion(prefectureTotals[i], counties.map(countyWeight));
    counties.forEach((county, j) => result.set(county.code, shares[j]));
  });
  return result;
}

/** Relocated households per county code at province scale; sums to PROVINCE_HOUSEHOLDS. */
export const COUNTY_HOUSEHOLDS: ReadonlyMap<string, number> = allocateHouseholds();

/** `total` things per county code: at least one each, the rest in proportion to the county's households. */
export function perCountyByHouseholds(total: number): ReadonlyMap<string, number> {
  const codes = GUIZHOU_COUNTIES.map((c) => c.code);
  const extra = apportion(
    total - codes.length,
    codes.map((code) => COUNTY_HOUSEHOLDS.get(code) ?? 0),
  );
  return new Map(codes.map((code, i) => [code, 1 + extra[i]]));
}

/** Relocation sites per county; sums to 953. */
export const COUNTY_SITE_COUNTS: ReadonlyMap<string, number> =
  perCountyByHouseholds(PROVINCE_RELOCATION_SITES);

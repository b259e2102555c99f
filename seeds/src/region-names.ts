import { countyByCode, prefectureByCode, type County } from '@contracts/regions/guizhou-divisions';

/**
 * The short names people and station signs use: 黔东南州 for 黔东南苗族侗族自治州, 威宁自治县 for
 * 威宁彝族回族苗族自治县. Official names stay in contracts/.
 */
const AUTONOMOUS_PREFECTURE_SHORT: Readonly<Record<string, string>> = {
  '522300': '黔西南州',
  '522600': '黔东南州',
  '522700': '黔南州',
};

export function prefectureShortName(code: string): string {
  const prefecture = prefectureByCode(code);
  if (!prefecture) throw new RangeError(`Not a Guizhou prefecture: ${code}`);
  return AUTONOMOUS_PREFECTURE_SHORT[code] ?? prefecture.name;
}

function countyOrThrow(code: string): County {
  const county = countyByCode(code);
  if (!county) throw new RangeError(`Not a Guizhou county: ${code}`);
  return county;
}

export function countyShortName(code: string): string {
  const county = countyOrThrow(code);
  return county.kind === 'autonomous_county' ? `${county.name.slice(0, 2)}自治县` : county.name;
}

/** The place name without 区/县/市/特区 or the ethnic part, for generated site and workshop names. */
export function countyStem(code: string): string {
  const county = countyOrThrow(code);
  if (county.kind === 'autonomous_county' || county.kind === 'special_district')
    return county.name.slice(0, 2);
  return county.name.slice(0, -1);
}

// The division list has no imports, so bundling it adds names only (about 10 kB).
export {
  GUIZHOU_PREFECTURES,
  GUIZHOU_PROVINCE_CODE,
  countiesOfPrefecture,
  countyByCode,
  prefectureByCode,
  prefectureOfCounty,
  type County,
  type Prefecture,
} from '../../../../contracts/src/regions/guizhou-divisions';

import type { Lang } from './i18n';
import { countyByCode, prefectureByCode } from '../../../../contracts/src/regions/guizhou-divisions';

/** The name of a county, prefecture or the province in the page's language, or the code itself. */
export function areaName(code: string, lang: Lang): string {
  if (code === '520000') return lang === 'zh' ? '贵州省' : 'Guizhou';
  const area = countyByCode(code) ?? prefectureByCode(code);
  if (!area) return code;
  return lang === 'zh' ? area.name : area.nameEn;
}

import { completeCreditCode } from '@contracts/values/credit-code';
import { pickSurname } from './chinese-names';
import { HOST_CITIES, type HostCity, type HostCityKey } from './host-cities';
import { createRng, hashSeed, type Rng } from './prng';
import type { EmployerBody } from './seed-commands';

/**
 * Employers in the partner cities that the stations collect vacancies from: one per industry in each host
 * city, with a generated 统一社会信用代码 (valid: its check character computed) under the city's region code.
 * Names are made up; any match with a real company is a coincidence.
 */

export type Industry =
  'electronics' | 'garments' | 'construction' | 'logistics' | 'catering' | 'domestic' | 'property';

const INDUSTRIES: Readonly<Record<Industry, { readonly label: string; readonly trade: string }>> = {
  electronics: { label: '电子制造', trade: '电子科技' },
  garments: { label: '纺织服装', trade: '制衣' },
  construction: { label: '建筑业', trade: '建筑工程' },
  logistics: { label: '交通运输和物流', trade: '物流' },
  catering: { label: '餐饮', trade: '餐饮管理' },
  domestic: { label: '居民服务', trade: '家政服务' },
  property: { label: '物业管理', trade: '物业服务' },
};
export const INDUSTRY_KEYS = Object.keys(INDUSTRIES) as Industry[];

const BRANDS = [
  '华盛',
  '兴达',
  '宏图',
  '盛泰',
  '永利',
  '嘉信',
  '恒通',
  '联创',
  '金辉',
  '立丰',
  '远航',
  '新宇',
  '鼎盛',
  '瑞丰',
];
const ROADS = ['工业大道', '创业路', '兴业路', '科技园路', '环城路', '人民路', '新城大道'];
const TITLES = ['经理', '主管', '人事专员'];

/** GB/T 2260 code of each host city (municipalities: the province-level code) and its telephone area code. */
const CITY_CODES: Readonly<Record<HostCityKey, readonly [string, string]>> = {
  guangzhou: ['440100', '020'], shenzhen: ['440300', '0755'], foshan: ['440600', '0757'],
  dongguan: ['441900', '0769'], zhuhai: ['440400', '0756'], zhongshan: ['442000', '0760'],
  hangzhou: ['330100', '0571'], ningbo: ['330200', '0574'], suzhou: ['320500', '0512'],
  xiamen: ['350200', '0592'], fuzhou: ['350100', '0591'], quanzhou: ['350500', '0595'],
  shanghai: ['310000', '021'], tianjin: ['120000', '022'], dalian: ['210200', '0411'],
  qingdao: ['370200', '0532'],
}; // prettier-ignore

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * 91 (a company registered by market regulation), the city's code, an organisation code MA + 6 characters and
 * its GB 11714 check, the check character. Seven characters are drawn as before, so the seeds after it stay.
 */
export function generatedCreditCode(rng: Rng, regionCode: string): string {
  let organisation = 'MA';
  for (let i = 0; i < 7; i++) organisation += rng.pick([...CODE_ALPHABET]);
  return completeCreditCode(`91${regionCode}${organisation.slice(0, 8)}`);
}

export interface PartnerEmployer {
  /** Seed ref: `employer-<city>-<industry>`. */
  readonly ref: string;
  readonly city: HostCityKey;
  readonly industry: Industry;
  readonly body: EmployerBody;
}

function employerOf(seed: number, key: HostCityKey, industry: Industry, brand: string): PartnerEmployer {
  const city: HostCity = HOST_CITIES[key];
  const rng = createRng(hashSeed(seed, 'employer', key, industry));
  const [regionCode, areaCode] = CITY_CODES[key];
  const [, district] = rng.pick(city.districts);
  return {
    ref: `employer-${key}-${industry}`,
    city: key,
    industry,
    body: {
      name: `${city.short}${brand}${INDUSTRIES[industry].trade}有限公司`,
      creditCode: generatedCreditCode(rng, regionCode),
      industry: INDUSTRIES[industry].label,
      province: city.province,
      city: city.city,
      address: `${district}${rng.pick(ROADS)}${rng.int(1, 288)}号`,
      contact: {
        name: `${pickSurname(rng)}${rng.pick(TITLES)}`,
        phone: `${areaCode}-${rng.int(2, 8)}${String(rng.int(0, 9_999_999)).padStart(7, '0')}`,
      },
    },
  };
}

/** The employers of the host cities given, one per industry, each city's brands all different. */
export function partnerEmployers(seed: number, cities: Iterable<HostCityKey>): PartnerEmployer[] {
  const out: PartnerEmployer[] = [];
  for (const key of new Set(cities)) {
    const start = createRng(hashSeed(seed, 'employer-brands', key)).int(0, BRANDS.length - 1);
    INDUSTRY_KEYS.forEach((industry, i) =>
      out.push(employerOf(seed, key, industry, BRANDS[(start + i) % BRANDS.length])),
    );
  }
  return out;
}

/** The host city key of a city name (广州市 → guangzhou); undefined for a city that hosts no station. */
export function hostCityKeyOf(cityName: string): HostCityKey | undefined {
  return (Object.keys(HOST_CITIES) as HostCityKey[]).find((k) => HOST_CITIES[k].city === cityName);
}

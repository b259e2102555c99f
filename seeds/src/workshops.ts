import { GUIZHOU_COUNTIES } from '@contracts/regions/guizhou-divisions';
import { createRng, hashSeed } from './prng';
import { countyStem } from './region-names';
import { perCountyByHouseholds } from './relocation-volume';
import { relocationSitesOf } from './relocation-sites';

/**
 * Employment assistance workshops (就业帮扶车间) next to relocation sites. DOMAIN.md: 1,437 in the
 * province; Anshun 99 employing 3,226 people (~33 each). Labour-intensive sectors; many keep flexible
 * hours (弹性工作制) for parents and older workers.
 */
export const PROVINCE_WORKSHOPS = 1437;

export const WORKSHOP_SECTORS = [
  'garments',
  'electronics_assembly',
  'embroidery',
  'food_processing',
  'shoemaking',
  'wig_making',
  'handicrafts',
] as const;
export type WorkshopSector = (typeof WORKSHOP_SECTORS)[number];

export interface Workshop {
  /** Stable slug `ws-<countyCode>-<nnn>`; a seed reference, the platform assigns its own id. */
  id: string;
  name: string;
  countyCode: string;
  relocationSiteId: string;
  sector: WorkshopSector;
  flexibleHours: boolean;
  /** Places it plans to fill, about 33 on average. */
  jobs: number;
}

const SECTOR_WEIGHTS: readonly (readonly [WorkshopSector, number])[] = [
  ['garments', 30],
  ['electronics_assembly', 20],
  ['embroidery', 12],
  ['food_processing', 14],
  ['shoemaking', 8],
  ['wig_making', 8],
  ['handicrafts', 8],
];

const SECTOR_WORDS: Readonly<Record<WorkshopSector, readonly string[]>> = {
  garments: ['服饰', '制衣', '服装', '织造'],
  electronics_assembly: ['电子', '智能科技', '光电', '线材'],
  embroidery: ['苗绣', '绣娘', '蜡染', '刺绣'],
  food_processing: ['食品', '辣椒加工', '茶叶加工', '农产品加工'],
  shoemaking: ['鞋业', '制鞋'],
  wig_making: ['发制品', '假发'],
  handicrafts: ['工艺品', '竹编', '银饰'],
};

const BRAND_WORDS = [
  '清达', '锦程', '黔丰', '恒达', '兴旺', '众鑫', '鸿发', '宏远', '隆盛', '佳美', '华艺', '瑞丰',
  '金穗', '新源', '盛世', '博创', '绿野', '山花', '黔绣', '云裳', '凯达', '永兴', '富民', '同创',
]; // prettier-ignore

/** Documented workshops kept by name (reference 003: 织金清达服饰; reference 004: 杨武乡 shoe factory). */
const KNOWN: Readonly<Record<string, readonly (readonly [string, WorkshopSector])[]>> = {
  '520524': [['织金清达服饰织造就业帮扶车间', 'garments']],
  '520402': [['杨武乡制鞋就业帮扶车间', 'shoemaking']],
};

export const COUNTY_WORKSHOP_COUNTS: ReadonlyMap<string, number> = perCountyByHouseholds(PROVINCE_WORKSHOPS);

function workshopsOfCounty(countyCode: string): Workshop[] {
  const rng = createRng(hashSeed('workshops', countyCode));
  // Workshops go round-robin to sites from the largest down, so big sites get the first ones.
  const sites = [...relocationSitesOf(countyCode)].sort((a, b) => b.households - a.households);
  const count = COUNTY_WORKSHOP_COUNTS.get(countyCode) ?? 1;
  const known = KNOWN[countyCode] ?? [];
  const names = new Set<string>();
  const workshops: Workshop[] = [];
  for (let i = 0; i < count; i++) {
    const [knownName, sector] = known[i] ?? ['', rng.weighted(SECTOR_WEIGHTS)];
    let name = knownName;
    while (!name || names.has(name)) {
      name = `${countyStem(countyCode)}${rng.pick(BRAND_WORDS)}${rng.pick(SECTOR_WORDS[sector])}就业帮扶车间`;
    }
    names.add(name);
    workshops.push({
      id: `ws-${countyCode}-${String(i + 1).padStart(3, '0')}`,
      name,
      countyCode,
      relocationSiteId: sites[i % sites.length].id,
      sector,
      flexibleHours: rng.chance(0.6),
      jobs: rng.int(15, 55),
    });
  }
  return workshops;
}

const WORKSHOPS_BY_COUNTY: ReadonlyMap<string, readonly Workshop[]> = new Map(
  GUIZHOU_COUNTIES.map((county) => [county.code, Object.freeze(workshopsOfCounty(county.code))]),
);

export const workshopsOf = (countyCode: string): readonly Workshop[] =>
  WORKSHOPS_BY_COUNTY.get(countyCode) ?? [];

/** The body of POST /v1/workshops. */
export const workshopBody = (w: Workshop) => ({
  name: w.name,
  countyCode: w.countyCode,
  relocationSiteId: w.relocationSiteId,
  sector: w.sector,
});

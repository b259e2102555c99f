import type { Channel } from '@contracts/values';
import { prefectureOfCounty } from '@contracts/regions/guizhou-divisions';
import type { LabourStation } from './labour-stations';
import { OCC } from './occupation-codes';
import type { Rng } from './prng';
import { prefectureShortName } from './region-names';
import type { WelfareProgramme } from './welfare-programmes';
import type { Workshop, WorkshopSector } from './workshops';

/** Generated employer names for employment that already exists; none for self-employed and flexible work. */

const BRANDS = [
  '华润',
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
];
const TRADES = [
  '电子',
  '制衣',
  '建筑工程',
  '物流',
  '食品',
  '五金',
  '塑胶制品',
  '家政服务',
  '物业管理',
  '餐饮管理',
];

/** The occupation code of a workshop's own trade (its sector is an industry, not an occupation). */
const SECTOR_SKILL: Readonly<Record<WorkshopSector, string>> = {
  garments: OCC.sewingMachinist,
  electronics_assembly: OCC.electronicsAssembler,
  embroidery: OCC.embroiderer,
  food_processing: OCC.produceProcessor,
  shoemaking: OCC.shoemaker,
  wig_making: OCC.unclassified,
  handicrafts: OCC.folkCraftMaker,
};

export const workshopSkill = (workshop: Workshop): string => SECTOR_SKILL[workshop.sector];

export function employerName(
  rng: Rng,
  channel: Channel,
  at: { station?: LabourStation; workshop?: Workshop; programme?: WelfareProgramme; countyCode: string },
): string | undefined {
  const company = (place: string) => `${place}${rng.pick(BRANDS)}${rng.pick(TRADES)}有限公司`;
  switch (channel) {
    case 'out_of_province':
      return company(at.station ? at.station.hostCity.replace(/市$/, '') : '广州');
    case 'in_province': {
      const prefecture = prefectureOfCounty(at.countyCode);
      const place = rng.chance(0.5) || !prefecture ? '贵阳' : prefectureShortName(prefecture.code);
      return company(place);
    }
    case 'workshop':
      return at.workshop?.name;
    case 'public_welfare':
      return at.programme?.name;
    case 'self_employed':
    case 'flexible':
      return undefined;
  }
}

import type {
  Channel,
  Gender,
  LabourCapacity,
  RelationToHead,
  VacancySourceType,
  WagePeriod,
  WorkPreference,
} from '@contracts';

/**
 * The Chinese words a county office reads in its sheets for the API's enum values: the same words as the
 * dashboard (`apps/platform/web/src/i18n*.ts*`) where it has them, so the ledger and the page agree. A
 * template's cell holds the label; the import maps it back (the English value is accepted too).
 */
export const LABOUR_CAPACITY_ZH: Readonly<Record<LabourCapacity, string>> = {
  full: '全劳动力',
  partial: '半劳动力',
  weak: '弱劳动力',
  none: '无劳动能力',
};

export const GENDER_ZH: Readonly<Record<Gender, string>> = { male: '男', female: '女' };

export const RELATION_TO_HEAD_ZH: Readonly<Record<RelationToHead, string>> = {
  head: '户主',
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  other: '其他',
};

export const WORK_PREFERENCE_ZH: Readonly<Record<WorkPreference, string>> = {
  local: '县内就近',
  in_province: '省内务工',
  out_of_province: '省外务工',
  any: '均可',
};

export const CHANNEL_ZH: Readonly<Record<Channel, string>> = {
  out_of_province: '省外务工',
  in_province: '省内务工',
  workshop: '帮扶车间',
  public_welfare: '公益性岗位',
  self_employed: '自主创业',
  flexible: '灵活就业',
};

export const VACANCY_SOURCE_ZH: Readonly<Record<VacancySourceType, string>> = {
  labour_station: '劳务协作站',
  workshop: '帮扶车间',
  public_welfare: '公益性岗位',
};

export const WAGE_PERIOD_ZH: Readonly<Record<WagePeriod, string>> = {
  month: '元/月',
  day: '元/天',
  hour: '元/时',
};

export const YES_NO_ZH = { yes: '是', no: '否' } as const;

/** Words people type for the same value besides the label (the ledger's older spellings). */
const ALIASES: Readonly<Record<string, string>> = {
  无劳动力: 'none',
  弱劳力: 'weak',
  半劳力: 'partial',
  全劳力: 'full',
  本人: 'head',
  妻: 'spouse',
  夫: 'spouse',
  子: 'child',
  女: 'child',
  儿子: 'child',
  女儿: 'child',
  父亲: 'parent',
  母亲: 'parent',
  孙子: 'grandchild',
  孙女: 'grandchild',
  外孙: 'grandchild',
  外孙女: 'grandchild',
  兄弟: 'sibling',
  姐妹: 'sibling',
  就近: 'local',
  县内: 'local',
  省内: 'in_province',
  省外: 'out_of_province',
  不限: 'any',
};

/**
 * The value of a cell's text by a label table: the label, an alias of one of its values, or the English value
 * itself; undefined when it is none of them.
 */
export function valueOfLabel<V extends string>(
  labels: Readonly<Record<V, string>>,
  text: string,
): V | undefined {
  const entries = Object.entries(labels) as [V, string][];
  const byLabel = entries.find(([, label]) => label === text);
  if (byLabel) return byLabel[0];
  const alias = ALIASES[text];
  if (alias !== undefined && alias in labels) return alias as V;
  return entries.find(([value]) => value === text)?.[0];
}

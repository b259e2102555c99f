import type { z } from 'zod';
import type { followUpItem, LabourCapacity, vacancyView, zeroEmploymentCaseItem } from '@contracts';
import { relocationSitesOf } from '@seeds/relocation-sites';
import { CHANNEL_ZH, LABOUR_CAPACITY_ZH, VACANCY_SOURCE_ZH, WAGE_PERIOD_ZH } from './chinese-labels';
import type { SheetColumn } from './sheet-writer';

/**
 * The columns of each list's sheet: Chinese headers, the dashboard's words for values, dates as dates
 * (Beijing time). The rows are the JSON list's items, so the sheet shows what the list shows to its caller.
 */

type CaseItem = z.infer<typeof zeroEmploymentCaseItem>;
type FollowUpItem = z.infer<typeof followUpItem>;
/** Skills are not in the sheet (and the list gives them read-only). */
type VacancyItem = Omit<z.infer<typeof vacancyView>, 'skills' | 'labourCapacities'> & {
  readonly labourCapacities: readonly LabourCapacity[];
};

const WARNING_ZH = { red: '红', yellow: '黄', green: '绿' } as const;
const CASE_STATUS_ZH = { open: '待清零', cleared: '已清零' } as const;
const FINDING_ZH = {
  confirmed: '确属零就业',
  employed_elsewhere: '已在别处就业',
  no_labour: '已无劳动能力',
  moved_away: '已搬离',
  unreachable: '联系不上',
} as const;
const VACANCY_STATUS_ZH = { open: '招聘中', full: '已招满', withdrawn: '已撤回', expired: '已过期' } as const;

const siteName = (countyCode: string, siteId: string | undefined): string | undefined =>
  siteId === undefined
    ? undefined
    : (relocationSitesOf(countyCode).find((s) => s.id === siteId)?.name ?? siteId);

export const CASE_COLUMNS: readonly SheetColumn<CaseItem>[] = [
  { header: '案例编号', width: 10, kind: 'number', value: (c) => c.caseNo },
  { header: '户主', width: 12, value: (c) => c.household?.headName ?? '' },
  { header: '安置点', width: 18, value: (c) => siteName(c.countyCode, c.household?.relocationSiteId) },
  { header: '家庭人数', width: 10, kind: 'number', value: (c) => c.household?.members },
  { header: '预警', width: 8, value: (c) => WARNING_ZH[c.warning] },
  { header: '状态', width: 10, value: (c) => CASE_STATUS_ZH[c.status] },
  { header: '发现时间', width: 18, kind: 'datetime', value: (c) => c.openedAt },
  { header: '已持续（天）', width: 12, kind: 'number', value: (c) => Math.round(c.ageDays * 10) / 10 },
  { header: '帮扶责任人', width: 12, value: (c) => c.assignee?.name ?? '未指派' },
  { header: '帮扶期限', width: 18, kind: 'datetime', value: (c) => c.assistDueAt },
  { header: '清零期限', width: 18, kind: 'datetime', value: (c) => c.clearDueAt },
  { header: '措施（项）', width: 10, kind: 'number', value: (c) => c.measures },
  { header: '核实结果', width: 14, value: (c) => (c.lastFinding ? FINDING_ZH[c.lastFinding] : '') },
  { header: '最近动态时间', width: 18, kind: 'datetime', value: (c) => c.lastActionAt },
  { header: '清零时间', width: 18, kind: 'datetime', value: (c) => c.clearedAt },
  {
    header: '清零方式',
    width: 20,
    value: (c) =>
      !c.clearedBy
        ? ''
        : c.clearedBy.kind === 'employment'
          ? `有人就业（${CHANNEL_ZH[c.clearedBy.channel]}）`
          : '无劳动力（转兜底保障）',
  },
];

const FOLLOW_UP_ZH = { 1: '1个月回访', 3: '3个月回访', 6: '6个月回访' } as const;

export const FOLLOW_UP_COLUMNS: readonly SheetColumn<FollowUpItem>[] = [
  { header: '姓名', width: 12, value: (f) => f.workerName },
  { header: '回访', width: 12, value: (f) => FOLLOW_UP_ZH[f.followUp] },
  { header: '回访到期日', width: 14, kind: 'date', value: (f) => f.dueAt },
  { header: '上岗日期', width: 14, kind: 'date', value: (f) => f.startDate },
  { header: '就业渠道', width: 14, value: (f) => CHANNEL_ZH[f.channel] },
];

export const VACANCY_COLUMNS: readonly SheetColumn<VacancyItem>[] = [
  { header: '岗位', width: 24, value: (v) => v.title },
  { header: '来源', width: 12, value: (v) => VACANCY_SOURCE_ZH[v.source.type] },
  { header: '省', width: 10, value: (v) => v.location.province },
  { header: '城市', width: 12, value: (v) => v.location.city },
  { header: '招聘人数', width: 10, kind: 'number', value: (v) => v.openings },
  { header: '已录用', width: 8, kind: 'number', value: (v) => v.filled },
  { header: '尚缺', width: 8, kind: 'number', value: (v) => v.remainingOpenings },
  { header: '最低工资', width: 10, kind: 'number', value: (v) => v.wage.min },
  { header: '最高工资', width: 10, kind: 'number', value: (v) => v.wage.max },
  { header: '工资单位', width: 10, value: (v) => WAGE_PERIOD_ZH[v.wage.period] },
  { header: '年龄', width: 10, value: (v) => `${v.ageRange.min}–${v.ageRange.max}岁` },
  {
    header: '劳动能力要求',
    width: 22,
    value: (v) => v.labourCapacities.map((c) => LABOUR_CAPACITY_ZH[c]).join('、'),
  },
  { header: '提供住宿', width: 10, value: (v) => (v.accommodation ? '是' : '否') },
  { header: '状态', width: 10, value: (v) => VACANCY_STATUS_ZH[v.status] },
  { header: '发布时间', width: 18, kind: 'datetime', value: (v) => v.postedAt },
  { header: '截止时间', width: 18, kind: 'datetime', value: (v) => v.expiresAt },
];

export const CASES_SHEET = { chinese: '零就业家庭', ascii: 'zero-employment-cases' } as const;
export const FOLLOW_UPS_SHEET = { chinese: '稳岗回访', ascii: 'follow-ups' } as const;
export const VACANCIES_SHEET = { chinese: '空缺岗位', ascii: 'vacancies' } as const;

/** A line of the household list (GET /v1/households), as far as its sheet shows it. */
export interface HouseholdSheetItem {
  readonly relocationSite: { readonly name: string };
  readonly address: string | null;
  readonly head: { readonly name: string } | null;
  readonly memberCount: number;
  readonly employedCount: number;
  readonly status: 'zero_employment' | 'employed' | 'no_labour';
}

const HOUSEHOLD_STATUS_ZH = { zero_employment: '零就业', employed: '已就业', no_labour: '无劳动力' } as const;

export const HOUSEHOLD_COLUMNS: readonly SheetColumn<HouseholdSheetItem>[] = [
  { header: '户主', width: 12, value: (h) => h.head?.name ?? '' },
  { header: '安置点', width: 18, value: (h) => h.relocationSite.name },
  { header: '住址', width: 22, value: (h) => h.address ?? '' },
  { header: '家庭人数', width: 10, kind: 'number', value: (h) => h.memberCount },
  { header: '就业人数', width: 10, kind: 'number', value: (h) => h.employedCount },
  { header: '就业状况', width: 12, value: (h) => HOUSEHOLD_STATUS_ZH[h.status] },
];

export const HOUSEHOLDS_SHEET = { chinese: '搬迁户', ascii: 'households' } as const;

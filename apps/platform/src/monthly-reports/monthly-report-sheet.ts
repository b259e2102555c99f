import { countyByCode, type MonthlyReportResponse } from '@contracts';
import { guizhouTimeOf } from '@lib/domain/shared/business-dates';
import type { SheetColumn } from '../excel/sheet-writer';

/** One line of the report as printed: a figure at both month ends, or one of the month's numbers. */
export interface ReportLine {
  readonly indicator: string;
  readonly previous?: number | string;
  readonly current: number | string;
  readonly change?: number | string;
}

const FIGURES = [
  ['households', '搬迁户数（户）'],
  ['householdsWithLabour', '有劳动力户数（户）'],
  ['coveredHouseholds', '有就业户数（户）'],
  ['zeroEmploymentHouseholds', '零就业户数（户）'],
  ['noLabourHouseholds', '无劳动力户数（户）'],
  ['labourCapableWorkers', '劳动力人数（人）'],
  ['employedWorkers', '就业人数（人）'],
  ['jobSeekers', '求职人数（人）'],
  ['jobSeekersWith131', '已获“131”服务人数（人）'],
] as const;

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** The lines of a report (as sent, or the draft), in the order a county office prints them. */
export function reportLines(view: MonthlyReportResponse): ReportLine[] {
  const content = view.sent ?? view.draft;
  if (!content) return [];
  const { figures, previousFigures: before, activity, subsidies } = content;
  const status = view.sent
    ? `已报送（第 ${view.sent.revision} 版，${guizhouTimeOf(view.sent.sentAt)}）`
    : view.monthOver
      ? '未报送（草稿）'
      : '本月未结束（截至目前）';
  return [
    // A printed sheet says whose and which month it is, not only its file name.
    { indicator: '县（市、区）', current: countyByCode(view.countyCode)?.name ?? view.countyCode },
    { indicator: '月份', current: view.month },
    { indicator: '报送状态', current: status },
    ...FIGURES.map(([key, label]) => ({
      indicator: label,
      previous: before[key],
      current: figures[key],
      change: figures[key] - before[key],
    })),
    {
      indicator: '劳动力就业率',
      previous: percent(before.employmentRate),
      current: percent(figures.employmentRate),
      change: `${((figures.employmentRate - before.employmentRate) * 100).toFixed(1)} 个百分点`,
    },
    { indicator: '当月新增安置就业（人）', current: activity.placements },
    { indicator: '当月登记自主就业（人）', current: activity.employmentsReported },
    { indicator: '当月就业结束（人）', current: activity.employmentsEnded },
    { indicator: '当月完成培训（人次）', current: activity.trainingsCompleted },
    { indicator: '跨省交通补贴发放（人）', current: subsidies.transportPaid.count },
    { indicator: '跨省交通补贴发放（元）', current: subsidies.transportPaid.amount },
    { indicator: '公益性岗位补贴在岗（人）', current: subsidies.welfare.holders },
    { indicator: '公益性岗位补贴（元）', current: subsidies.welfare.amountFen / 100 },
    ...(view.sent?.note ? [{ indicator: '情况说明', current: view.sent.note }] : []),
    ...(view.sent?.correctionReason ? [{ indicator: '更正原因', current: view.sent.correctionReason }] : []),
  ];
}

export const REPORT_COLUMNS: readonly SheetColumn<ReportLine>[] = [
  { header: '指标', width: 28, value: (l) => l.indicator },
  { header: '上月末', width: 12, value: (l) => l.previous },
  { header: '本月末 / 当月', width: 40, value: (l) => l.current },
  { header: '增减', width: 14, value: (l) => l.change },
];

export const reportSheetNames = (countyCode: string, month: string) => ({
  chinese: `就业帮扶月报-${countyByCode(countyCode)?.name ?? countyCode}-${month}`,
  ascii: `monthly-report-${countyCode}-${month}`,
});

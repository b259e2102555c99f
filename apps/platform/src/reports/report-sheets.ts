import type { SiteRow, StationRow, WorkshopRow } from '@lib/domain/reports';
import type { SheetColumn } from '../excel/sheet-writer';

/** The reports' sheets: one row per site, station or workshop, Chinese headers, figures only. */

export const SITES_SHEET = { chinese: '安置点就业统计', ascii: 'report-by-site' } as const;
export const STATIONS_SHEET = { chinese: '劳务协作站稳岗统计', ascii: 'report-by-station' } as const;
export const WORKSHOPS_SHEET = { chinese: '帮扶车间吸纳就业统计', ascii: 'report-by-workshop' } as const;

/** A share as a percentage with one decimal; empty while nobody is counted. */
const percent = (rate: number | null): number | undefined =>
  rate === null ? undefined : Math.round(rate * 1000) / 10;

const n = <T>(header: string, value: (row: T) => number, width = 12): SheetColumn<T> => ({
  header,
  width,
  kind: 'number',
  value,
});

export const SITE_COLUMNS: readonly SheetColumn<SiteRow>[] = [
  { header: '安置点', width: 20, value: (r) => r.siteName ?? r.siteId },
  { header: '安置点编号', width: 18, value: (r) => r.siteId },
  n('搬迁户数', (r) => r.households),
  n('有劳动力户数', (r) => r.householdsWithLabour),
  n('有劳动能力人数', (r) => r.labourCapableWorkers, 14),
  n('就业人数', (r) => r.employedWorkers),
  n('有人就业户数', (r) => r.coveredHouseholds),
  n('零就业户数', (r) => r.zeroEmploymentHouseholds),
  n('未清零案例', (r) => r.openCases),
];

export const STATION_COLUMNS: readonly SheetColumn<StationRow>[] = [
  { header: '劳务协作站', width: 26, value: (r) => r.stationName ?? r.stationId },
  n('输出人数', (r) => r.placements),
  n('满3个月人数', (r) => r.eligibleAt3),
  n('3个月在岗人数', (r) => r.retainedAt3, 14),
  { header: '3个月稳岗率（%）', width: 16, kind: 'number', value: (r) => percent(r.retentionRateAt3) },
  n('满6个月人数', (r) => r.eligibleAt6),
  n('6个月在岗人数', (r) => r.retainedAt6, 14),
  { header: '6个月稳岗率（%）', width: 16, kind: 'number', value: (r) => percent(r.retentionRateAt6) },
];

export const WORKSHOP_COLUMNS: readonly SheetColumn<WorkshopRow>[] = [
  { header: '帮扶车间', width: 26, value: (r) => r.workshopName ?? r.workshopId },
  { header: '认定状态', width: 10, value: (r) => (r.decertified ? '已撤销认定' : '认定中') },
  { header: '撤销认定时间', width: 18, kind: 'datetime', value: (r) => r.decertifiedAt },
  n('当前吸纳就业人数', (r) => r.employedNow, 16),
  n('其中本县搬迁群众', (r) => r.employedNowFromCounty, 16),
  n('累计安置人数', (r) => r.placements),
  n('已离岗人数', (r) => r.ended),
];

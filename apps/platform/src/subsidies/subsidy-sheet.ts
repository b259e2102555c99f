import type { TransportSubsidyItem } from '@contracts';
import type { SubsidyLedgerTotals } from '@lib/domain/subsidies/transport-subsidy-ledger';
import type { SheetColumn } from '../excel/sheet-writer';

/** The transport-subsidy ledger's sheet (交通补贴台账): Chinese headers, the dashboard's words, dates as dates. */

const STATUS_ZH = {
  eligible: '待申领',
  claimed: '待审核',
  approved: '待发放',
  rejected: '已驳回',
  paid: '已发放',
} as const;

export const SUBSIDY_COLUMNS: readonly SheetColumn<TransportSubsidyItem>[] = [
  { header: '姓名', width: 12, value: (s) => s.workerName },
  { header: '劳动力编号', width: 20, value: (s) => s.workerId },
  { header: '年度', width: 8, kind: 'number', value: (s) => s.year },
  { header: '状态', width: 10, value: (s) => STATUS_ZH[s.status] },
  { header: '务工省份', width: 14, value: (s) => s.destinationProvinceName ?? '' },
  { header: '出行日期', width: 14, kind: 'date', value: (s) => s.travelDate },
  { header: '申领时间', width: 18, kind: 'datetime', value: (s) => s.claimedAt },
  { header: '核定金额（元）', width: 14, kind: 'number', value: (s) => s.amount },
  { header: '审核通过时间', width: 18, kind: 'datetime', value: (s) => s.approvedAt },
  { header: '驳回原因', width: 20, value: (s) => s.rejectionReason ?? '' },
  { header: '发放日期', width: 14, kind: 'date', value: (s) => s.paidAt },
  { header: '发放凭证号', width: 18, value: (s) => s.reference ?? '' },
];

export const SUBSIDIES_SHEET = { chinese: '跨省务工交通补贴台账', ascii: 'transport-subsidies' } as const;

/** The ledger's totals in one line under its rows. */
export const totalsLine = (t: SubsidyLedgerTotals): string =>
  `合计：共 ${t.all.count} 人次；待申领 ${t.eligible.count}；待审核 ${t.claimed.count}；已驳回 ${t.rejected.count}；` +
  `待发放 ${t.approved.count}（${t.approved.yuan} 元）；已发放 ${t.paid.count}（${t.paid.yuan} 元）。`;

import type { WelfareMonthLine } from '@contracts';
import type { SheetColumn } from '../excel/sheet-writer';

/** The month's payment list as a county office prints it (公益性岗位补贴发放表). */
export const welfareMonthSheet = (countyCode: string, month: string) => ({
  chinese: `公益性岗位补贴-${countyCode}-${month}`,
  ascii: `welfare-payroll-${countyCode}-${month}`,
});

export const WELFARE_MONTH_COLUMNS: readonly SheetColumn<WelfareMonthLine>[] = [
  { header: '姓名', width: 12, value: (l) => l.name },
  { header: '在岗天数', width: 10, kind: 'number', value: (l) => l.daysInPost },
  { header: '当月天数', width: 10, kind: 'number', value: (l) => l.daysInMonth },
  { header: '月补贴标准（元）', width: 16, kind: 'number', value: (l) => l.monthlySubsidy },
  { header: '应发金额（元）', width: 16, kind: 'number', value: (l) => l.amount },
  { header: '安置编号', width: 44, value: (l) => l.placementId },
];

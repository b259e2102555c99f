import type { Lang } from './i18n';
import type { SubsidyStatus } from './api-money';

const zh = {
  navMoney: '补贴台账',
  moneyTitle: '补贴台账',
  transportTitle: '跨省务工一次性交通补贴',
  transportHint: '每人每年一次：省外就业即可申领，县就业局代为申请、审核、发放。',
  status: {
    eligible: '可申领',
    claimed: '已申请',
    approved: '已审核',
    rejected: '未通过',
    paid: '已发放',
  } as Record<SubsidyStatus, string>,
  allStatuses: '全部状态',
  statusColumn: '状态',
  year: '年度',
  worker: '姓名',
  destination: '务工省份',
  travelDate: '出行日期',
  amount: '金额（元）',
  paidAt: '发放日期',
  noSubsidies: '暂无交通补贴记录',
  totalsLine: (t: { eligible: number; claimed: number; approvedYuan: number; paidYuan: number }) =>
    `可申领 ${t.eligible} 人 · 已申请 ${t.claimed} 人 · 已审核待发 ${t.approvedYuan} 元 · 已发放 ${t.paidYuan} 元`,
  welfareTitle: '公益性岗位补贴（在岗领补）',
  welfareHint: '月末后确认当月在岗名单：整月按月补贴标准，部分月份按在岗天数折算，离岗后不再计发。',
  month: '月份',
  monthStatus: { open: '待确认', confirmed: '已确认，待发放', paid: '已发放' } as Record<
    'open' | 'confirmed' | 'paid',
    string
  >,
  days: '在岗天数',
  monthlySubsidy: '月补贴标准（元）',
  due: '应发（元）',
  holders: (n: number, yuan: string) => `共 ${n} 人，合计 ${yuan} 元`,
  noHolders: '该月没有公益性岗位在岗人员',
  confirm: '确认在岗名单',
  confirming: '正在确认…',
  pay: '登记发放',
  reference: '发放凭证号',
  paidNote: (yuan: string, ref: string) => `已发放 ${yuan} 元，凭证号 ${ref}`,
  exportSheet: '导出 Excel',
  countyOfficeOnly: '补贴台账由县就业局办理。',
};

export type MoneyWords = typeof zh;

const en: MoneyWords = {
  navMoney: 'Subsidies',
  moneyTitle: 'Subsidy ledgers',
  transportTitle: 'One-time cross-province transport subsidy',
  transportHint:
    'Once per person and year for work outside the province: the county office claims, reviews, pays.',
  status: {
    eligible: 'Eligible',
    claimed: 'Claimed',
    approved: 'Approved',
    rejected: 'Rejected',
    paid: 'Paid',
  },
  allStatuses: 'All statuses',
  statusColumn: 'Status',
  year: 'Year',
  worker: 'Name',
  destination: 'Province of work',
  travelDate: 'Travel date',
  amount: 'Amount (yuan)',
  paidAt: 'Paid on',
  noSubsidies: 'No transport subsidies yet',
  totalsLine: (t) =>
    `Eligible ${t.eligible} · claimed ${t.claimed} · approved to pay ${t.approvedYuan} yuan · paid ${t.paidYuan} yuan`,
  welfareTitle: 'Public-welfare post subsidy (paid for months in post)',
  welfareHint:
    'Confirm who held a post after the month ends: the monthly subsidy for a whole month, pro rata by days for part of one, nothing after leaving.',
  month: 'Month',
  monthStatus: { open: 'To confirm', confirmed: 'Confirmed, to pay', paid: 'Paid' },
  days: 'Days in post',
  monthlySubsidy: 'Monthly subsidy (yuan)',
  due: 'Due (yuan)',
  holders: (n, yuan) => `${n} people, ${yuan} yuan in all`,
  noHolders: 'Nobody held a public-welfare post that month',
  confirm: 'Confirm the list',
  confirming: 'Confirming…',
  pay: 'Record the payment',
  reference: 'Payment reference',
  paidNote: (yuan, ref) => `Paid ${yuan} yuan, reference ${ref}`,
  exportSheet: 'Export Excel',
  countyOfficeOnly: 'The subsidy ledgers are the county office’s work.',
};

export const moneyWords = (lang: Lang): MoneyWords => (lang === 'zh' ? zh : en);

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { casesEn, casesZh, type CaseWords } from './i18n-cases';
import { peopleEn, peopleZh, type PeopleWords } from './i18n-people';

export type Lang = 'zh' | 'en';

const zh = {
  title: '搬迁群众就业监测',
  subtitle: '县级就业看板',
  glance: '两个保障一览',
  signIn: '登录',
  signOut: '退出',
  pasteToken: '粘贴访问令牌（JWT）',
  tokenHelp: '平台启动（npm start）时会为每个演示角色打印一个令牌；也可用 npm run token 生成。',
  invalidToken: '令牌无法解析或已过期',
  signedInAs: '当前身份',
  role: {
    admin: '管理员',
    station: '劳务协作站',
    workshop: '帮扶车间',
    county_office: '县就业局',
    broker: '劳务经纪人',
    prefecture_office: '市（州）就业部门',
  },
  province: '全省',
  prefecture: '市（州）',
  county: '县（区）',
  chooseArea: '选择地区',
  allCounties: '全部县（区）',
  households: '搬迁户',
  householdsWithLabour: '有劳动力家庭',
  covered: '已就业家庭',
  zeroEmployment: '零就业家庭（待清零）',
  noLabour: '无劳动力家庭（兜底保障）',
  employmentRate: '就业率',
  perHousehold: '户均就业人数',
  labourCapable: '有劳动能力人数',
  employed: '已就业人数',
  provinceFigure: '全省',
  anshunFigure: '安顺',
  published: '公开数据',
  byChannel: '就业渠道',
  channel: {
    out_of_province: '省外务工',
    in_province: '省内务工',
    workshop: '帮扶车间',
    public_welfare: '公益性岗位',
    self_employed: '自主创业',
    flexible: '灵活就业',
  },
  openOverTime: '零就业家庭数（近30天）',
  timeToClear: '清零用时分布（已清零）',
  countiesSideBySide: '各县（区）对比',
  prefecturesSideBySide: '各市（州）对比',
  days: '天',
  casesHint: '平台预警 → 基层核实 → 快速响应：3天内帮扶，5天内清零',
  household: '家庭',
  openedAt: '发现时间',
  age: '已持续',
  warning: '预警',
  actions: '操作',
  noCases: '暂无零就业家庭 ✓',
  recommend: '推荐岗位',
  vacancies: '县内及周边空缺岗位',
  stationPostings: '劳务协作站岗位',
  openings: '空缺',
  wage: '工资',
  location: '地点',
  source: { labour_station: '劳务协作站', workshop: '帮扶车间', public_welfare: '公益性岗位' },
  period: { month: '元/月', day: '元/天', hour: '元/时' },
  candidates: '匹配人员',
  noVacancies: '暂无空缺岗位',
  live: '实时',
  reconnecting: '重连中',
  offline: '离线',
  loading: '加载中…',
  unavailable: '暂不可用',
  forbidden: '无权查看',
  nothingToCompare: '没有可对比的数据（无权查看或尚无搬迁户）',
  back: '← 返回看板',
  status: { covered: '已就业', zero_employment: '零就业', no_labour: '无劳动力' },
  members: '成员',
  labourMembers: '有劳动能力成员',
  employedMembers: '已就业成员',
  openCaseSince: '零就业案例开立于',
  worker: '劳动力',
  score: '匹配度',
  reasons: '理由',
  notYet: '匹配服务尚未开放',
  total: '共',
  updated: '更新于',
  memberN: '成员',
  noRecommendations: '暂无推荐',
} as const;

type BaseDict = {
  readonly [K in keyof typeof zh]: (typeof zh)[K] extends string
    ? string
    : { readonly [S in keyof (typeof zh)[K]]: string };
};
type Dict = BaseDict & CaseWords & PeopleWords;

const en: BaseDict = {
  title: 'Relocated households: employment',
  subtitle: 'County employment dashboard',
  glance: 'The two guarantees at a glance',
  signIn: 'Sign in',
  signOut: 'Sign out',
  pasteToken: 'Paste an access token (JWT)',
  tokenHelp:
    'The platform prints one token per demo role when it starts (npm start); npm run token makes one.',
  invalidToken: 'The token cannot be read or has expired',
  signedInAs: 'Signed in as',
  role: {
    admin: 'Administrator',
    station: 'Labour station',
    workshop: 'Workshop',
    county_office: 'County employment office',
    broker: 'Job broker',
    prefecture_office: 'Prefecture employment office',
  },
  province: 'Province',
  prefecture: 'Prefecture',
  county: 'County',
  chooseArea: 'Choose an area',
  allCounties: 'All counties',
  households: 'Households',
  householdsWithLabour: 'Households with labour',
  covered: 'Covered households',
  zeroEmployment: 'Zero-employment households (open cases)',
  noLabour: 'No-labour households (social assistance)',
  employmentRate: 'Employment rate',
  perHousehold: 'Employed per household',
  labourCapable: 'Labour-capable people',
  employed: 'Employed people',
  provinceFigure: 'province',
  anshunFigure: 'Anshun',
  published: 'published',
  byChannel: 'Employment by channel',
  channel: {
    out_of_province: 'Out of province',
    in_province: 'In province',
    workshop: 'Assistance workshop',
    public_welfare: 'Public-welfare post',
    self_employed: 'Self-employed',
    flexible: 'Flexible',
  },
  openOverTime: 'Zero-employment households (30 days)',
  timeToClear: 'Time to clear (cleared cases)',
  countiesSideBySide: 'Counties side by side',
  prefecturesSideBySide: 'Prefectures side by side',
  days: 'days',
  casesHint: 'Platform alert → on-the-ground check → fast response: assist within 3 days, clear within 5',
  household: 'Household',
  openedAt: 'Found',
  age: 'Open for',
  warning: 'Warning',
  actions: 'Actions',
  noCases: 'No zero-employment households ✓',
  recommend: 'Jobs for its workers',
  vacancies: 'Open vacancies in and near the county',
  stationPostings: 'Labour stations’ postings',
  openings: 'Openings',
  wage: 'Wage',
  location: 'Where',
  source: { labour_station: 'Labour station', workshop: 'Workshop', public_welfare: 'Public-welfare post' },
  period: { month: 'yuan/month', day: 'yuan/day', hour: 'yuan/hour' },
  candidates: 'Candidates',
  noVacancies: 'No open vacancies',
  live: 'Live',
  reconnecting: 'Reconnecting',
  offline: 'Offline',
  loading: 'Loading…',
  unavailable: 'Not available yet',
  forbidden: 'Not in your scope',
  nothingToCompare: 'Nothing to compare (out of your scope, or no households yet)',
  back: '← Dashboard',
  status: { covered: 'Covered', zero_employment: 'Zero employment', no_labour: 'No labour' },
  members: 'Members',
  labourMembers: 'Labour-capable members',
  employedMembers: 'Employed members',
  openCaseSince: 'Zero-employment case open since',
  worker: 'Worker',
  score: 'Fit',
  reasons: 'Reasons',
  notYet: 'Matching is not available yet',
  total: 'Total',
  updated: 'Updated',
  memberN: 'Member',
  noRecommendations: 'No recommendations',
};

const DICTS: Record<Lang, Dict> = {
  zh: { ...zh, ...casesZh, ...peopleZh },
  en: { ...en, ...casesEn, ...peopleEn },
};
const STORAGE_KEY = 'dashboard.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface LangContextValue {
  lang: Lang;
  t: Dict;
  setLang(lang: Lang): void;
}

const LangContext = createContext<LangContextValue | null>(null);

/** Chinese first; the English choice is remembered on this device. */
export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }, []);
  const value = useMemo(() => ({ lang, t: DICTS[lang], setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const value = useContext(LangContext);
  if (!value) throw new Error('useLang outside LangProvider');
  return value;
}

/** Numbers as the locale writes them (thousands separators). */
export const formatCount = (n: number, lang: Lang): string =>
  n.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
export const formatPercent = (ratio: number): string => `${(ratio * 100).toFixed(1)} %`;

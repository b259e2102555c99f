import type { Lang } from '../i18n';

/** The map's words in both languages. */
export interface MapWords {
  title: string;
  hint: string;
  cleared: string;
  zero: string;
  rate: string;
  households: string;
  noFigures: string;
  noData: string;
  /** After a count in the legend. */
  unit: string;
  source: string;
}

const zh: MapWords = {
  title: '零就业家庭分布图',
  hint: '点击地图上的市（州）或县（区）查看详情',
  cleared: '已清零',
  zero: '零就业家庭',
  rate: '就业率',
  households: '搬迁户',
  noFigures: '暂无搬迁户数据，或不在查看范围内',
  noData: '暂无数据',
  unit: ' 户',
  source: '市（州）界线：Apache ECharts 4.9.0 贵州省地图（Apache-2.0）；县（区）以政府驻地示意，不表示界线',
};

const en: MapWords = {
  title: 'Zero-employment households on the map',
  hint: 'Click a prefecture or county on the map to open it',
  cleared: 'Cleared',
  zero: 'Zero-employment households',
  rate: 'Employment rate',
  households: 'Households',
  noFigures: 'No relocated households on record, or not in your scope',
  noData: 'No figures',
  unit: ' households',
  source:
    'Prefecture boundaries: Apache ECharts 4.9.0 Guizhou map (Apache-2.0); counties are marked at their seats, not bounded',
};

export const mapWords = (lang: Lang): MapWords => (lang === 'zh' ? zh : en);

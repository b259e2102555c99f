import type { ChartOption } from './components/Chart';
import type { Lang } from './i18n';
import { areaName } from './regions';
import type { SideBySide } from './use-dashboard-data';

export const RATE_BAR = '#2f5d8a';
export const OPEN_LINE = '#b4232a';

/**
 * Counties of a prefecture (or prefectures of the province): the employment rate as bars on an axis from
 * 0 to 100 %, so a bar's height is its rate (an axis from 80 % made 97 % look twice 89 %), and the
 * zero-employment households as a line on their own axis. Areas without households are left out.
 */
export function sideBySideOption(
  parts: readonly SideBySide[],
  lang: Lang,
  text: { rate: string; zero: string; percent(ratio: number): string },
): ChartOption {
  const shown = parts.filter((p) => p.figures && p.figures.households > 0);
  return {
    grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: shown.map((p) => areaName(p.code, lang)), axisLabel: { rotate: 30 } },
    yAxis: [
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => text.percent(v) } },
      { type: 'value', min: 0, minInterval: 1 },
    ],
    series: [
      {
        name: text.rate,
        type: 'bar',
        data: shown.map((p) => p.figures?.employmentRate ?? 0),
        barMaxWidth: 48,
        itemStyle: { color: RATE_BAR },
        tooltip: { valueFormatter: (v) => (typeof v === 'number' ? text.percent(v) : String(v)) },
      },
      {
        name: text.zero,
        type: 'line',
        yAxisIndex: 1,
        data: shown.map((p) => p.figures?.zeroEmploymentHouseholds ?? 0),
        itemStyle: { color: OPEN_LINE },
      },
    ],
  };
}

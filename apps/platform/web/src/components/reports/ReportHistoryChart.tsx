import { useMemo } from 'react';
import type { SentReport } from '../../api-reports';
import type { ReportWords } from '../../i18n-reports';
import { Chart, type ChartOption } from '../Chart';

/** The reports as sent, oldest month first: zero-employment households (bars), the employment rate (line). */
export function historyOption(reports: readonly SentReport[], w: ReportWords): ChartOption {
  const months = [...reports].sort((a, b) => a.month.localeCompare(b.month));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 44, right: 48, top: 36, bottom: 28 },
    xAxis: { type: 'category', data: months.map((r) => r.month) },
    yAxis: [
      { type: 'value', name: '户', minInterval: 1 },
      { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
    ],
    series: [
      {
        name: w.zeroSeries,
        type: 'bar',
        data: months.map((r) => r.figures.zeroEmploymentHouseholds),
        barMaxWidth: 28,
        itemStyle: { color: '#c0392b' },
      },
      {
        name: w.placementsSeries,
        type: 'bar',
        data: months.map((r) => r.activity.placements),
        barMaxWidth: 28,
        itemStyle: { color: '#2e86c1' },
      },
      {
        name: w.rateSeries,
        type: 'line',
        yAxisIndex: 1,
        data: months.map((r) => Number((r.figures.employmentRate * 100).toFixed(1))),
        // A month alone is a point, not a line: draw it, with its value.
        showSymbol: true,
        symbolSize: 8,
        label: { show: true, position: 'top', formatter: '{c}%' },
        itemStyle: { color: '#1e8449' },
      },
    ],
  };
}

export function ReportHistoryChart({ reports, w }: { reports: readonly SentReport[]; w: ReportWords }) {
  const option = useMemo(() => historyOption(reports, w), [reports, w]);
  if (reports.length === 0) return <p className="muted">{w.historyEmpty}</p>;
  return (
    <div data-testid="report-history" data-months={reports.map((r) => r.month).join(',')}>
      <Chart option={option} label={w.historyTitle} height={240} />
    </div>
  );
}

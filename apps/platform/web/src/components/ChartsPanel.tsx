import { lazy, Suspense, useMemo, type ComponentProps } from 'react';
import { CHANNELS, type EmploymentFigures, type ZeroEmploymentCase } from '../api-types';
import { CLEAR_BUCKETS, openCasesByDay, timeToClear } from '../case-figures';
import { formatPercent, useLang } from '../i18n';
import { sideBySideOption } from '../side-by-side-option';
import type { Loadable, SideBySide } from '../use-dashboard-data';
import type { ChartOption, Chart as EagerChart } from './Chart';

// ECharts is most of the bundle: its own chunk, loaded after the figures and the case list are on screen.
const LazyChart = lazy(() => import('./Chart'));
function Chart(props: ComponentProps<typeof EagerChart>) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 260 }} />}>
      <LazyChart {...props} />
    </Suspense>
  );
}
import { Panel } from './Panel';

const RED = '#b4232a';
const BLUE = '#2f5d8a';
const GREEN = '#2e7d4f';
const AMBER = '#c98a0b';

export function ChannelChart({ figures }: { figures: EmploymentFigures }) {
  const { t } = useLang();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: CHANNELS.map((c) => t.channel[c]), inverse: true },
      series: [
        { type: 'bar', data: CHANNELS.map((c) => figures.byChannel[c] ?? 0), itemStyle: { color: BLUE } },
      ],
    }),
    [figures, t],
  );
  return (
    <section className="card">
      <h2>{t.byChannel}</h2>
      <Chart option={option} label={t.byChannel} />
    </section>
  );
}

export function CaseCharts({
  open,
  cleared,
  liveSeries,
  nowMs,
}: {
  open: Loadable<ZeroEmploymentCase[]>;
  cleared: Loadable<ZeroEmploymentCase[]>;
  liveSeries: { at: number; open: number }[];
  nowMs: number;
}) {
  const { t } = useLang();
  const both: Loadable<[ZeroEmploymentCase[], ZeroEmploymentCase[]]> =
    open.status !== 'ok'
      ? open
      : cleared.status === 'error'
        ? { status: 'ok', data: [open.data, []] }
        : cleared.status === 'loading'
          ? cleared
          : { status: 'ok', data: [open.data, cleared.data] };
  const overTime = useMemo<ChartOption | undefined>(() => {
    if (both.status !== 'ok') return undefined;
    const [o, c] = both.data;
    const points = [...openCasesByDay(o, c, nowMs).slice(0, -1), ...liveSeries].map((p) => [p.at, p.open]);
    return {
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          step: 'end',
          data: points,
          showSymbol: false,
          areaStyle: { opacity: 0.12 },
          itemStyle: { color: RED },
        },
      ],
    };
  }, [both, liveSeries, nowMs]);
  const clearing = useMemo<ChartOption | undefined>(() => {
    if (cleared.status !== 'ok') return undefined;
    const counts = timeToClear(cleared.data);
    return {
      grid: { left: 8, right: 16, top: 12, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: CLEAR_BUCKETS.map((b) => `${b.label} ${t.days}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: counts.map((value, i) => ({
            value,
            itemStyle: { color: CLEAR_BUCKETS[i].max <= 3 ? GREEN : CLEAR_BUCKETS[i].max <= 5 ? AMBER : RED },
          })),
        },
      ],
    };
  }, [cleared, t]);
  return (
    <>
      <Panel title={t.openOverTime} state={both}>
        {() => overTime && <Chart option={overTime} label={t.openOverTime} />}
      </Panel>
      <Panel title={t.timeToClear} state={cleared}>
        {() => clearing && <Chart option={clearing} label={t.timeToClear} />}
      </Panel>
    </>
  );
}

/** Counties of a prefecture (or prefectures of the province) side by side: see sideBySideOption. */
export function SideBySideChart({
  parts,
  level,
}: {
  parts: Loadable<SideBySide[]>;
  level: 'province' | 'prefecture';
}) {
  const { t, lang } = useLang();
  const title = level === 'province' ? t.prefecturesSideBySide : t.countiesSideBySide;
  const option = useMemo<ChartOption | undefined>(
    () =>
      parts.status === 'ok'
        ? sideBySideOption(parts.data, lang, {
            rate: t.employmentRate,
            zero: t.zeroEmployment,
            percent: formatPercent,
          })
        : undefined,
    [parts, lang, t],
  );
  return (
    <Panel title={title} state={parts} className="wide">
      {(data) =>
        data.some((p) => p.figures && p.figures.households > 0) ? (
          option && <Chart option={option} label={title} height={300} />
        ) : (
          <p className="muted" data-testid="nothing-to-compare">
            {t.nothingToCompare}
          </p>
        )
      }
    </Panel>
  );
}

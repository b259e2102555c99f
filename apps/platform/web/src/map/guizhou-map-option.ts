import type { MapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type {
  GeoComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { MapWords } from './map-words';
import { COUNTY_SEATS } from './county-seats';

export type MapOption = ComposeOption<
  | MapSeriesOption
  | ScatterSeriesOption
  | GeoComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

/** One prefecture (on the province's map) or county (on a prefecture's): its figures when in scope. */
export interface MapArea {
  readonly code: string;
  readonly name: string;
  readonly zeroEmploymentHouseholds?: number;
  readonly employmentRate?: number;
  readonly households?: number;
}

/**
 * The autonomous prefectures by the short names officials use on a map (黔南州): their full names, ten
 * characters, ran into their neighbours' on the province's map. Tooltips keep the full names.
 */
const SHORT_NAMES: Readonly<Record<string, string>> = {
  '522300': '黔西南州',
  '522600': '黔东南州',
  '522700': '黔南州',
};

export const CLEARED_GREEN = '#3d8b4f';
const RAMP = ['#f3c553', '#ec9642', '#d9534f', '#9e1b20'] as const;
export const NO_FIGURES_GREY = '#e3e6ea';

/**
 * The colour classes of zero-employment households: 0 is its own class (the guarantee met), then up to four
 * classes of equal width up to the largest count shown, amber to dark red, so one county with many cases
 * does not wash the others out to the same pale colour.
 */
export function zeroEmploymentPieces(
  max: number,
  cleared: string,
  unit = '',
): { min?: number; max?: number; value?: number; label: string; color: string }[] {
  const pieces: { min?: number; max?: number; value?: number; label: string; color: string }[] = [
    { value: 0, label: cleared, color: CLEARED_GREEN },
  ];
  if (max <= 0) return pieces;
  const classes = Math.min(RAMP.length, max);
  let from = 1;
  for (let i = 1; i <= classes; i++) {
    const to = i === classes ? max : Math.max(from, Math.round((max * i) / classes));
    if (to < from) continue;
    pieces.push({
      min: from,
      max: to,
      label: from === to ? `${from}${unit}` : `${from}–${to}${unit}`,
      color: RAMP[i - 1],
    });
    from = to + 1;
  }
  return pieces;
}

const tooltipText = (area: MapArea | undefined, words: MapWords, percent: (r: number) => string) =>
  !area
    ? ''
    : area.zeroEmploymentHouseholds === undefined
      ? `${area.name}<br/>${words.noFigures}`
      : [
          area.name,
          `${words.zero}: ${area.zeroEmploymentHouseholds}`,
          area.employmentRate !== undefined ? `${words.rate}: ${percent(area.employmentRate)}` : '',
          area.households !== undefined ? `${words.households}: ${area.households}` : '',
        ]
          .filter(Boolean)
          .join('<br/>');

/**
 * The province: its prefectures as regions coloured by their zero-employment households. A prefecture: its
 * outline alone, its counties as points at their seats in the same colours. Regions and points are named
 * by their GB/T 2260 code (the click opens that code), labelled by their name in the page's language.
 */
export function guizhouMapOption(input: {
  level: 'province' | 'prefecture';
  /** The registered map: the province's prefectures, or the one prefecture's outline. */
  mapName: string;
  areas: readonly MapArea[];
  words: MapWords;
  percent(ratio: number): string;
}): MapOption {
  const { level, mapName, areas, words, percent } = input;
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const counts = areas.flatMap((a) =>
    a.zeroEmploymentHouseholds === undefined ? [] : [a.zeroEmploymentHouseholds],
  );
  const visualMap: VisualMapComponentOption = {
    type: 'piecewise',
    // The grey of an area without figures is in the legend too; no count is ever -1, so it marks nothing.
    pieces: [
      ...zeroEmploymentPieces(Math.max(0, ...counts), words.cleared, words.unit),
      { value: -1, label: words.noData, color: NO_FIGURES_GREY },
    ],
    dimension: level === 'province' ? undefined : 2,
    seriesIndex: 0,
    left: 8,
    bottom: 8,
    itemWidth: 14,
    itemHeight: 10,
    textStyle: { fontSize: 11 },
  };
  const tooltip: TooltipComponentOption = {
    trigger: 'item',
    formatter: (params: unknown) =>
      tooltipText(byCode.get((params as { name: string }).name), words, percent),
  };
  const label = (code: string) => SHORT_NAMES[code] ?? byCode.get(code)?.name ?? code;

  if (level === 'province') {
    return {
      tooltip,
      visualMap,
      series: [
        {
          type: 'map',
          map: mapName,
          nameProperty: 'code',
          roam: false,
          // Right of the legend, so it never lies across a prefecture.
          layoutCenter: ['56%', '50%'],
          layoutSize: '88%',
          // Dark names with a white halo read on every class's colour, from pale amber to dark red.
          label: {
            show: true,
            fontSize: 12,
            color: '#1f2933',
            textBorderColor: '#ffffff',
            textBorderWidth: 2,
            formatter: (p: { name: string }) => label(p.name),
          },
          itemStyle: { areaColor: NO_FIGURES_GREY, borderColor: '#ffffff', borderWidth: 1 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#9cc3e6' } },
          select: { disabled: true },
          // No value: the region keeps its grey area colour instead of a class's.
          data: areas.map((a) =>
            a.zeroEmploymentHouseholds === undefined
              ? { name: a.code }
              : { name: a.code, value: a.zeroEmploymentHouseholds },
          ),
        },
      ],
    };
  }
  return {
    tooltip,
    visualMap,
    geo: {
      map: mapName,
      roam: false,
      silent: true,
      layoutCenter: ['50%', '50%'],
      layoutSize: '92%',
      itemStyle: { areaColor: '#f4f6f8', borderColor: '#8a99a8', borderWidth: 1 },
    },
    // Counties with figures take the classes' colours (series 0, the one the visual map reads); those
    // without are a second, grey series, so a missing figure never borrows a class's colour.
    series: [true, false].map((withFigures): ScatterSeriesOption => ({
      type: 'scatter',
      coordinateSystem: 'geo',
      symbolSize: 18,
      itemStyle: {
        opacity: 1,
        borderColor: '#ffffff',
        borderWidth: 1.5,
        ...(withFigures ? {} : { color: NO_FIGURES_GREY, borderColor: '#8a99a8' }),
      },
      label: {
        show: true,
        position: 'right',
        fontSize: 11,
        color: '#1f2933',
        textBorderColor: '#ffffff',
        textBorderWidth: 2,
        formatter: (p: { name: string }) => label(p.name),
      },
      data: areas.flatMap((a) => {
        const seat = COUNTY_SEATS[a.code];
        const count = a.zeroEmploymentHouseholds;
        if (!seat || (count !== undefined) !== withFigures) return [];
        return [
          { name: a.code, value: count === undefined ? [seat[0], seat[1]] : [seat[0], seat[1], count] },
        ];
      }),
    })),
  };
}

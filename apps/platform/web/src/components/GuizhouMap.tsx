import { useCallback, useMemo } from 'react';
import { MapChart, ScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { formatPercent, useLang } from '../i18n';
import { areaName } from '../regions';
import { navigate } from '../router';
import type { Loadable, SideBySide } from '../use-dashboard-data';
import { COUNTY_SEATS } from '../map/county-seats';
import { guizhouMapOption, type MapArea } from '../map/guizhou-map-option';
import { mapWords } from '../map/map-words';
import prefectures from '../map/guizhou-prefectures.geo.json';
import { Chart } from './Chart';
import { Panel } from './Panel';

// This module is loaded only on the province and prefecture views: the map's chart types and its 115 kB of
// outlines stay out of the county dashboard's bundle.
echarts.use([
  MapChart,
  ScatterChart,
  GeoComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  CanvasRenderer,
]);

interface PrefectureFeature {
  type: 'Feature';
  properties: { code: string; name: string; labelPoint: [number, number] };
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
}
const FEATURES = (prefectures as unknown as { features: PrefectureFeature[] }).features;

/** The province's map, and one map per prefecture with that prefecture's outline alone. */
function registeredMap(area: string): string {
  const name = `guizhou-${area}`;
  if (!echarts.getMap(name)) {
    const features = area === '520000' ? FEATURES : FEATURES.filter((f) => f.properties.code === area);
    echarts.registerMap(name, { type: 'FeatureCollection', features } as never);
  }
  return name;
}

/**
 * Guizhou on a map: on the province view its prefectures coloured by zero-employment households, on a
 * prefecture's its counties as coloured points at their seats. A click opens the area's dashboard.
 */
export function GuizhouMap({
  area,
  level,
  parts,
}: {
  area: string;
  level: 'province' | 'prefecture';
  parts: Loadable<SideBySide[]>;
}) {
  const { lang } = useLang();
  const words = mapWords(lang);
  const mapName = registeredMap(area);
  const option = useMemo(() => {
    if (parts.status !== 'ok') return undefined;
    // An area with no relocated households on record is grey, not green: nothing there has been cleared.
    const areas: MapArea[] = parts.data.map(({ code, figures }) =>
      figures && figures.households > 0
        ? {
            code,
            name: areaName(code, lang),
            zeroEmploymentHouseholds: figures.zeroEmploymentHouseholds,
            employmentRate: figures.employmentRate,
            households: figures.households,
          }
        : { code, name: areaName(code, lang) },
    );
    return guizhouMapOption({ level, mapName, areas, words, percent: formatPercent });
  }, [parts, lang, level, mapName, words]);

  const open = useCallback((params: { name?: string }) => {
    if (params.name && /^52\d{4}$/.test(params.name)) navigate({ page: 'dashboard', area: params.name });
  }, []);

  // Where each area is drawn, in the box's pixels, on the box itself: the browser test clicks there.
  const markAreas = useCallback(
    (chart: echarts.ECharts, box: HTMLDivElement) => {
      if (parts.status !== 'ok') return;
      const finder = level === 'province' ? { seriesIndex: 0 } : { geoIndex: 0 };
      const points = parts.data.flatMap((p) => {
        const at =
          level === 'province'
            ? FEATURES.find((f) => f.properties.code === p.code)?.properties.labelPoint
            : COUNTY_SEATS[p.code];
        const pixel = at ? (chart.convertToPixel(finder, [...at]) as number[] | undefined) : undefined;
        return pixel ? [{ code: p.code, x: Math.round(pixel[0]), y: Math.round(pixel[1]) }] : [];
      });
      box.dataset.areas = JSON.stringify(points);
    },
    [parts, level],
  );

  return (
    <Panel title={words.title} state={parts} className="wide map-panel">
      {() =>
        option && (
          <>
            <p className="hint">{words.hint}</p>
            <div data-testid="guizhou-map">
              <Chart option={option} label={words.title} height={420} onClick={open} onDrawn={markAreas} />
            </div>
            <p className="muted map-source">{words.source}</p>
          </>
        )
      }
    </Panel>
  );
}

export default GuizhouMap;

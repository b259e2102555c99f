import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption, EChartsCoreOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';

// Only what the dashboard draws, so the bundle carries two chart types, not all of ECharts.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/**
 * One ECharts instance in a box; follows the box's size (laptop and phone) and the option's changes.
 * `onClick` receives ECharts' click parameters; `onDrawn` runs after each setOption, with the instance and
 * the box (the map marks where its areas are drawn). Other chart types are registered by their own module.
 */
export function Chart({
  option,
  height = 260,
  label,
  onClick,
  onDrawn,
}: {
  option: ChartOption | EChartsCoreOption;
  height?: number;
  label: string;
  onClick?(params: { name?: string; componentType?: string }): void;
  onDrawn?(chart: echarts.ECharts, box: HTMLDivElement): void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const handlers = useRef({ onClick, onDrawn });
  handlers.current = { onClick, onDrawn };

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (params) => handlers.current.onClick?.(params));
    const resize = new ResizeObserver(() => {
      instance.resize();
      if (box.current) handlers.current.onDrawn?.(instance, box.current);
    });
    resize.observe(box.current);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
    if (chart.current && box.current) handlers.current.onDrawn?.(chart.current, box.current);
  }, [option]);

  return <div ref={box} className="chart" style={{ height }} role="img" aria-label={label} />;
}

export default Chart;

import { type CSSProperties, useEffect, useRef } from 'react';
import { PALETTE } from './colors';
import { type ChartOption, init } from './echarts';

/** What a click on a chart element tells: the category (x or y axis) name and the data index. */
export interface ChartClick {
  name: string;
  dataIndex: number;
}

interface Props {
  option: ChartOption;
  height: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
  /** How many rows the chart shows, as `data-rows` (tests wait for it). */
  rows?: number;
  style?: CSSProperties;
}

const FONT =
  "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/**
 * One ECharts instance in a div: created once, options replaced on change, resized whenever
 * its box changes (window resize, side menu collapsed), disposed on unmount.
 */
export function Chart({ option, height, onClick, testId, rows, style }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (p) => {
      // A bar gives its category name and index; an axis label (triggerEvent) its text.
      const e = p as { name?: string; value?: unknown; dataIndex?: number };
      const name = e.name ?? (typeof e.value === 'string' ? e.value : '');
      click.current?.({ name, dataIndex: e.dataIndex ?? -1 });
    });
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { color: PALETTE, textStyle: { fontFamily: FONT }, animationDuration: 300, ...option },
      { notMerge: true },
    );
  }, [option]);

  return (
    <div
      ref={box}
      data-testid={testId}
      data-rows={rows}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}

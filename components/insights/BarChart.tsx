// Stacked bars by channel (and calls), drawn with uPlot: ~50 KB minified, canvas based (a year of
// days is one draw, not 700 DOM nodes), no dependencies; chosen over Chart.js/Recharts for size.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface Series {
  label: string;
  color: string;
  values: number[];
}

export function BarChart({
  labels,
  series,
  height = 150,
  title,
}: {
  labels: string[];
  series: Series[];
  height?: number;
  title: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || labels.length === 0) return;
    const xs = labels.map((_, i) => i);
    // Stack: each series is drawn as the running total, the later series behind the earlier.
    const stacked: number[][] = [];
    let acc = labels.map(() => 0);
    for (const s of series) {
      acc = acc.map((a, i) => a + s.values[i]);
      stacked.push(acc);
    }
    const bars = uPlot.paths.bars!({ size: [0.8, 40], gap: 1 });
    const css = getComputedStyle(document.documentElement);
    const color = (c: string) => (c.startsWith('--') ? css.getPropertyValue(c).trim() || '#888' : c);
    const plot = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height,
        legend: { show: false },
        cursor: { show: true, points: { show: false }, drag: { x: false, y: false } },
        // Half a slot of room at each end, or the first and last bars are cut in half.
        scales: { x: { time: false, range: () => [-0.5, labels.length - 0.5] } },
        axes: [
          {
            stroke: '#5d6570',
            grid: { show: false },
            size: 28,
            font: '11px system-ui',
            values: (_u, ticks) => ticks.map((t) => (Number.isInteger(t) && labels[t] ? labels[t].slice(5) : '')),
          },
          {
            stroke: '#5d6570',
            size: 40,
            font: '11px system-ui',
            grid: { stroke: '#eceef1' },
            // Short labels: "1.2k" fits the narrow axis of a 360 px panel.
            values: (_u, ticks) =>
              ticks.map((t) => (t >= 1000 ? `${+(t / 1000).toFixed(1)}k` : Number.isInteger(t) ? String(t) : '')),
          },
        ],
        series: [
          {},
          ...[...series].reverse().map((s) => ({
            label: s.label,
            fill: color(s.color),
            stroke: color(s.color),
            width: 0,
            paths: bars,
            points: { show: false },
          })),
        ],
      },
      [xs, ...[...stacked].reverse()],
      el,
    );
    const ro = new ResizeObserver(() => plot.setSize({ width: Math.max(200, el.clientWidth), height }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      plot.destroy();
    };
  }, [labels, series, height]);
  const total = series.map((s) => `${s.label}: ${s.values.reduce((a, b) => a + b, 0)}`).join(', ');
  return (
    <figure className="chart" aria-label={`${title}. ${total}`}>
      <div ref={ref} className="chart-canvas" />
      <figcaption className="legend small">
        {series.map((s) => (
          <span key={s.label}>
            <span className="swatch" style={{ background: s.color.startsWith('--') ? `var(${s.color})` : s.color }} />{' '}
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

// Time-series charts with uPlot (served by the daemon from its webjar). Colours come from the
// page's CSS variables, so charts follow the light or dark theme; charts resize with their box.
import uPlot from './vendor/uPlot.esm.js';
import { h } from './dom.js';

function cssVar(name) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

const LOCAL_TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });

/**
 * A chart in a new element appended to parent: x is time (epoch seconds), each series
 * {label, color (a CSS variable), unit ('count' or 'seconds')}, one point every stepSeconds.
 * Returns {set(columns), destroy()}.
 */
export function timeChart(parent, title, series, stepSeconds) {
  const box = h('div', { class: 'chart panel', role: 'img', 'aria-label': title });
  box.appendChild(h('h3', null, title));
  const plotBox = h('div');
  box.appendChild(plotBox);
  parent.appendChild(box);
  const axisColor = cssVar('--muted');
  const grid = { stroke: cssVar('--line'), width: 1 };
  const seconds = series.some((s) => s.unit === 'seconds');
  const opts = {
    width: Math.max(240, plotBox.clientWidth || 300),
    height: 180,
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
    // Half a step of room on either side, so the first and last bars are not cut off.
    scales: { x: { time: true, range: (u, min, max) => [min - stepSeconds / 2, max + stepSeconds / 2] }, y: { range: (u, min, max) => [0, Math.max(max || 0, seconds ? 0.001 : 1) * 1.1] } },
    axes: [
      { stroke: axisColor, grid, ticks: grid, values: (u, vals) => vals.map((v) => LOCAL_TIME.format(new Date(v * 1000))) },
      { stroke: axisColor, grid, ticks: grid, size: 64,
        values: (u, vals) => vals.map((v) => (seconds ? formatSeconds(v) : String(Math.round(v * 100) / 100))) },
    ],
    series: [{ label: 'time', value: (u, v) => (v == null ? '—' : new Date(v * 1000).toLocaleString()) }].concat(series.map((s, i) => ({
      label: s.label,
      stroke: cssVar(s.color),
      fill: seconds ? undefined : cssVar(s.color),
      width: seconds ? 2 : 1,
      spanGaps: false,
      // Counts are bars, side by side; times are lines with their points (a minute may stand alone).
      paths: seconds ? undefined : uPlot.paths.bars({ size: [0.4, 24], align: i === 0 ? -1 : 1 }),
      points: { show: seconds, size: 5 },
      value: (u, v) => (v == null ? '—' : seconds ? formatSeconds(v) : String(v)),
    }))),
  };
  const data = [[]].concat(series.map(() => []));
  const plot = new uPlot(opts, data, plotBox);
  const resize = new ResizeObserver(() => {
    const w = Math.max(240, plotBox.clientWidth);
    if (Math.abs(w - plot.width) > 2) plot.setSize({ width: w, height: 180 });
  });
  resize.observe(plotBox);
  return {
    set(columns) {
      plot.setData(columns);
    },
    destroy() {
      resize.disconnect();
      plot.destroy();
    },
  };
}

function formatSeconds(v) {
  if (v === null || v === undefined) return '—';
  if (v < 1) return Math.round(v * 1000) + ' ms';
  if (v < 120) return Math.round(v * 10) / 10 + ' s';
  return Math.round(v / 60) + ' m';
}

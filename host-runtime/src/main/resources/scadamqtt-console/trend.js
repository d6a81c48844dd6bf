// scada-mqtt operator console, trend view: the host's history of several tags on one chart with
// time and value axes. Ranges 10 min / 1 h / all follow the live values; dragging across the
// chart zooms into a fixed time range until "reset zoom". Reads /api/history; CSV from /api/history.csv.
'use strict';

const TREND_KEPT = new Set(['Ai', 'Ao', 'Ci', 'Co', 'Di', 'Do', 'Qi', 'TiR', 'ToR']);
const TREND_COLOURS = ['#5aa9ff', '#3fb950', '#d29922', '#f85149', '#a371f7', '#f0883e', '#39c5cf', '#e86fb0'];
const TREND_TAGS_KEY = 'scada-mqtt.trendTags';
const CHART = { w: 1000, h: 320, left: 64, right: 14, top: 12, bottom: 34 };
const SVG_NS = 'http://www.w3.org/2000/svg';

const trend = { range: 600000, zoom: null, series: [], pickerKey: '', loading: false, again: false,
  selected: JSON.parse(localStorage.getItem(TREND_TAGS_KEY) || '[]') };

function svgEl(name, attrs) {
  const e = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function trendOpen() {
  return $('#trend-details').open;
}

// the tags that have a history, as check boxes, rebuilt only when the tag list changed
function renderPicker() {
  const names = [...state.tags.values()].filter((t) => TREND_KEPT.has(t.type)).map((t) => t.name);
  const key = names.join('\n');
  if (key === trend.pickerKey) return;
  trend.pickerKey = key;
  trend.selected = trend.selected.filter((n) => names.includes(n));
  if (!trend.selected.length && names.length) trend.selected = [names[0]];
  $('#trend-picker').replaceChildren(...names.map((name) => {
    const box = el('input', { type: 'checkbox', checked: trend.selected.includes(name) });
    box.dataset.tag = name;
    box.addEventListener('change', () => {
      trend.selected = [...document.querySelectorAll('#trend-picker input:checked')].map((b) => b.dataset.tag);
      localStorage.setItem(TREND_TAGS_KEY, JSON.stringify(trend.selected));
      loadTrend();
    });
    return el('label', { className: 'trend-pick' }, box, ' ' + name);
  }));
}

// what the chart shows: the zoomed range, or the last 10 min / 1 h up to now, or everything
function trendQuery() {
  const q = new URLSearchParams();
  for (const name of trend.selected) q.append('tag', name);
  if (trend.zoom) {
    q.set('from', new Date(trend.zoom.from).toISOString());
    q.set('to', new Date(trend.zoom.to).toISOString());
  } else if (trend.range !== 'all') {
    q.set('from', new Date(Date.now() - trend.range).toISOString());
  }
  return q.toString();
}

async function loadTrend() {
  if (!trendOpen()) return;
  if (trend.loading) { trend.again = true; return; } // a zoom or a tick during a load: load again after it
  renderPicker();
  const query = trendQuery();
  $('#trend-csv').href = '/api/history.csv?' + query;
  if (!trend.selected.length) {
    trend.series = [];
    drawTrend();
    return;
  }
  trend.loading = true;
  try {
    const r = await api('GET', '/api/history?' + query).catch(() => null);
    if (r && r.status === 200) {
      trend.series = r.json;
      drawTrend();
    }
  } finally {
    trend.loading = false;
  }
  if (trend.again) {
    trend.again = false;
    loadTrend();
  }
}

function timeSpan() {
  if (trend.zoom) return [trend.zoom.from, trend.zoom.to];
  const now = Date.now();
  if (trend.range !== 'all') return [now - trend.range, now];
  const times = trend.series.flatMap((s) => s.points.map((p) => Date.parse(p.time)));
  return times.length ? [Math.min(...times), Math.max(now, ...times)] : [now - 600000, now];
}

function valueSpan() {
  const vs = trend.series.flatMap((s) => s.points.filter(drawn).map((p) => p.value));
  if (!vs.length) return [0, 1];
  let lo = Math.min(...vs), hi = Math.max(...vs);
  if (lo === hi) { lo -= 1; hi += 1; }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

// a BAD value or none is a gap in the line
function drawn(p) {
  return p.value !== null && p.quality !== 'BAD';
}

function timeLabel(ms, spanMs) {
  const iso = new Date(ms).toISOString();
  return spanMs > 86400000 ? iso.substring(5, 16).replace('T', ' ') : iso.substring(11, 19);
}

function drawTrend() {
  const svg = $('#trend-chart');
  const [t0, t1] = timeSpan();
  const [v0, v1] = valueSpan();
  const x = (t) => CHART.left + ((t - t0) / (t1 - t0 || 1)) * (CHART.w - CHART.left - CHART.right);
  const y = (v) => CHART.h - CHART.bottom - ((v - v0) / (v1 - v0)) * (CHART.h - CHART.top - CHART.bottom);
  const parts = [];
  for (let i = 0; i <= 5; i++) {
    const t = t0 + ((t1 - t0) * i) / 5, v = v0 + ((v1 - v0) * i) / 5;
    parts.push(svgEl('line', { class: 'grid', x1: x(t), x2: x(t), y1: CHART.top, y2: CHART.h - CHART.bottom }));
    const tl = svgEl('text', { class: 'axis-label x-label', x: x(t), y: CHART.h - CHART.bottom + 16,
      'text-anchor': i === 0 ? 'start' : i === 5 ? 'end' : 'middle' });
    tl.textContent = timeLabel(t, t1 - t0);
    parts.push(tl);
    parts.push(svgEl('line', { class: 'grid', x1: CHART.left, x2: CHART.w - CHART.right, y1: y(v), y2: y(v) }));
    const vl = svgEl('text', { class: 'axis-label y-label', x: CHART.left - 6, y: y(v) + 4, 'text-anchor': 'end' });
    vl.textContent = String(Number(v.toPrecision(4)));
    parts.push(vl);
  }
  parts.push(svgEl('line', { class: 'axis', x1: CHART.left, x2: CHART.left, y1: CHART.top, y2: CHART.h - CHART.bottom }));
  parts.push(svgEl('line', { class: 'axis', x1: CHART.left, x2: CHART.w - CHART.right,
    y1: CHART.h - CHART.bottom, y2: CHART.h - CHART.bottom }));
  const utc = svgEl('text', { class: 'axis-label', x: CHART.w - CHART.right, y: CHART.h - 2, 'text-anchor': 'end' });
  utc.textContent = 'time (UTC)';
  parts.push(utc);
  const legend = [];
  trend.series.forEach((s, i) => {
    const colour = TREND_COLOURS[i % TREND_COLOURS.length];
    const g = svgEl('g', { class: 'trend-line', 'data-tag': s.tag, 'data-points': s.points.filter(drawn).length });
    let run = [];
    const flush = () => {
      if (run.length) g.append(svgEl('polyline', { points: run.join(' '), stroke: colour }));
      if (run.length === 1) g.append(svgEl('circle', { r: 2, cx: run[0].split(',')[0], cy: run[0].split(',')[1], fill: colour }));
      run = [];
    };
    for (const p of s.points) {
      if (!drawn(p)) { flush(); continue; }
      run.push(x(Date.parse(p.time)).toFixed(1) + ',' + y(p.value).toFixed(1));
    }
    flush();
    parts.push(g);
    const last = s.points.filter(drawn).pop();
    legend.push(el('span', { className: 'legend-item' }, el('span', { className: 'swatch', style: 'background:' + colour }),
      s.tag + (s.unit ? ' [' + s.unit + ']' : '') + ' · ' + s.points.filter(drawn).length + ' points'
      + (last ? ' · last ' + last.value : '')));
  });
  parts.push(svgEl('rect', { id: 'trend-selection', x: 0, y: CHART.top, width: 0, height: CHART.h - CHART.top - CHART.bottom }));
  svg.replaceChildren(...parts);
  $('#trend-legend').replaceChildren(...legend);
  $('#trend-reset').disabled = !trend.zoom;
  for (const b of document.querySelectorAll('#trend-section button[data-range]')) {
    b.classList.toggle('active', !trend.zoom && String(trend.range) === b.dataset.range);
  }
  $('#trend-span').textContent = fmtTime(new Date(t0).toISOString()) + ' — ' + fmtTime(new Date(t1).toISOString());
}

// drag across the chart: zoom into that time range
function chartTime(svg, clientX) {
  const box = svg.getBoundingClientRect();
  const px = ((clientX - box.left) / box.width) * CHART.w;
  const [t0, t1] = timeSpan();
  const frac = (px - CHART.left) / (CHART.w - CHART.left - CHART.right);
  return { px: Math.min(Math.max(px, CHART.left), CHART.w - CHART.right), t: t0 + Math.min(Math.max(frac, 0), 1) * (t1 - t0) };
}

function watchDrag(svg) {
  let start = null;
  svg.addEventListener('mousedown', (e) => { start = chartTime(svg, e.clientX); e.preventDefault(); });
  svg.addEventListener('mousemove', (e) => {
    if (!start) return;
    const now = chartTime(svg, e.clientX);
    const sel = $('#trend-selection');
    sel.setAttribute('x', Math.min(start.px, now.px));
    sel.setAttribute('width', Math.abs(now.px - start.px));
  });
  window.addEventListener('mouseup', (e) => {
    if (!start) return;
    const end = chartTime(svg, e.clientX);
    const from = Math.min(start.t, end.t), to = Math.max(start.t, end.t);
    const wide = Math.abs(end.px - start.px) > 4;
    start = null;
    if (wide) { trend.zoom = { from, to }; loadTrend(); } else drawTrend();
  });
}

document.addEventListener('DOMContentLoaded', () => {
  for (const b of document.querySelectorAll('#trend-section button[data-range]')) {
    b.addEventListener('click', () => {
      trend.range = b.dataset.range === 'all' ? 'all' : Number(b.dataset.range);
      trend.zoom = null;
      loadTrend();
    });
  }
  $('#trend-reset').addEventListener('click', () => { trend.zoom = null; loadTrend(); });
  $('#trend-details').addEventListener('toggle', loadTrend);
  watchDrag($('#trend-chart'));
  // a live range follows new values; a zoomed one stays where it is
  setInterval(() => { if (!trend.zoom && state.lostSince === null) loadTrend(); }, 2000);
});

// scada-mqtt operator console: plain JS, no build step. Reads /api/*, stays live through
// /api/events (server-sent events). Everything from the host is set with textContent (never as HTML).
'use strict';

const TREND_POINTS = 60;
const NUMERIC = new Set(['Ai', 'Ao', 'Ci', 'Co', 'TiR', 'ToR']);
const OUTPUT_TYPES = ['Ao', 'Co', 'Do', 'TxtO', 'ToA', 'ToR'];
const TOKEN_KEY = 'scada-mqtt.writeToken';

// silence longer than this on the event stream (the host sends a heartbeat every second) = host lost
const HOST_SILENCE_MS = 2500;

const state = { info: { writeProtected: false }, tags: new Map(), rows: new Map(), trends: new Map(), stations: new Map(),
  groups: new Map(), collapsed: new Set(), sort: { col: null, dir: 1 },
  lastHeard: Date.now(), lostSince: null, events: null, lastReopen: 0 };
const $ = (sel) => document.querySelector(sel);

function el(tag, props, ...children) {
  const e = document.createElement(tag);
  Object.assign(e, props || {});
  for (const c of children) e.append(c);
  return e;
}

function badge(text, cls, title) {
  const b = el('span', { className: 'badge ' + cls, textContent: text });
  if (title) b.title = title;
  return b;
}

// "2026-01-31T12:00:00.123Z" -> "2026-01-31 12:00:00.123"
function fmtTime(iso) {
  return iso ? iso.replace('T', ' ').replace('Z', '') : '—';
}

// the tag's display format from the configuration: %.Nf, %.Ne or %d
function formatNumber(v, format) {
  const m = /^%(?:\.(\d)([fe])|d)$/.exec(format || '');
  if (!m) return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (!m[2]) return String(Math.round(v));
  return m[2] === 'f' ? v.toFixed(Number(m[1])) : v.toExponential(Number(m[1]));
}

function fmtValue(tag) {
  const v = tag.value;
  if (v === null || v === undefined) return '—';
  if (tag.type === 'TiA' || tag.type === 'ToA') return fmtTime(String(v));
  const unit = tag.unit ? ' ' + tag.unit : '';
  if (typeof v === 'number') {
    const s = formatNumber(v, tag.format);
    return s + ((tag.type === 'TiR' || tag.type === 'ToR') && !unit ? ' s' : unit);
  }
  return String(v) + unit;
}

// which configured limit a numeric value is beyond: 'HH'/'LL' (alarm), 'H'/'L' (warning), or ''
function limitState(t) {
  if (typeof t.value !== 'number' || t.quality === 'BAD') return '';
  if (t.highHigh !== null && t.highHigh !== undefined && t.value > t.highHigh) return 'HH';
  if (t.lowLow !== null && t.lowLow !== undefined && t.value < t.lowLow) return 'LL';
  if (t.high !== null && t.high !== undefined && t.value > t.high) return 'H';
  if (t.low !== null && t.low !== undefined && t.value < t.low) return 'L';
  return '';
}

function limitsText(t) {
  const parts = [['LL', t.lowLow], ['L', t.low], ['H', t.high], ['HH', t.highHigh]]
    .filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => k + ' ' + v);
  return parts.length ? 'limits ' + parts.join(' / ') : '';
}

function qualityTitle(tag) {
  if (tag.quality === 'GOOD') return 'GOOD' + (tag.detail ? ' — ' + tag.detail : '');
  return tag.quality + ': ' + tag.reason + (tag.detail ? ' — ' + tag.detail : '');
}

// What a value means to an operator, from quality + reason. Red (fault) only when someone has to
// act: the device, the payload, the station or the line failed. A value not received yet, an
// output never written and a station switched off by choice are grey (idle); simulated is purple.
function condition(t) {
  if (t.quality === 'GOOD') return { cls: 'c-good', label: 'GOOD', text: '' };
  if (t.reason === 'SIMULATED') return { cls: 'c-simul', label: 'SIMULATED', text: t.detail || 'simulated' };
  if (t.quality === 'UNCERTAIN') return { cls: 'c-uncertain', label: 'UNCERTAIN', text: t.detail || t.reason };
  switch (t.reason) {
    case 'NOT_INITIALIZED':
      // an output never written; a writable input (e.g. a Sparkplug metric) waits for its value like any input
      return t.writable && OUTPUT_TYPES.includes(t.type)
        ? { cls: 'c-idle', label: 'NOT WRITTEN', text: 'never written since the host started' }
        : { cls: 'c-idle', label: 'WAITING', text: 'waiting for first value' };
    case 'STATION_OFF':
      return { cls: 'c-idle', label: 'OFF', text: t.detail || 'station switched off' };
    default:
      return { cls: 'c-fault', label: 'BAD', text: t.detail || t.reason };
  }
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (method !== 'GET' && token) headers['Authorization'] = 'Bearer ' + token;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  let json = null;
  try { json = await res.json(); } catch (e) { json = null; }
  return { status: res.status, json };
}

function showBanner(text) {
  const b = $('#banner');
  b.textContent = text || '';
  b.hidden = !text;
}

// ---------- lines ----------
function renderLines(lines) {
  const body = $('#lines tbody');
  body.replaceChildren(...lines.map(lineRow));
}

function lineRow(l) {
  const tr = el('tr');
  tr.dataset.line = l.name;
  // a connected line's last error is history: the row says nothing, the tooltip keeps it
  const connected = l.status === 'CONNECTED';
  const earlier = l.lastError ? 'last error' + (l.lastErrorTime ? ' at ' + fmtTime(l.lastErrorTime) : '') + ': ' + l.lastError : '';
  const why = connected ? '' : (l.reason || l.lastError || '');
  tr.append(
    el('td', { textContent: l.name }),
    el('td', { className: 'status' }, badge(l.status, 'l-' + l.status, l.reason || l.status)),
    el('td', { textContent: l.broker || '—' }),
    el('td', { className: 'time', textContent: fmtTime(l.since) }),
    el('td', { className: 'num', textContent: l.messagesIn }),
    el('td', { className: 'num', textContent: l.messagesOut }),
    el('td', { className: 'num', textContent: l.errors }),
    el('td', { className: 'num', textContent: l.unrouted }),
    el('td', { className: 'num', textContent: l.badPayloads }),
    el('td', { className: 'reason', textContent: why, title: connected ? earlier : why + (l.lastErrorTime ? ' (' + fmtTime(l.lastErrorTime) + ')' : '') },
      connected && earlier ? el('span', { className: 'earlier', textContent: 'earlier error…' }) : ''));
  return tr;
}

function updateLine(l) {
  const old = document.querySelector('#lines tr[data-line="' + CSS.escape(l.name) + '"]');
  if (old) old.replaceWith(lineRow(l)); else $('#lines tbody').append(lineRow(l));
}

// ---------- stations ----------
function renderStations(stations) {
  state.stations.clear();
  for (const s of stations) state.stations.set(s.name, s);
  stationSummary();
  $('#stations tbody').replaceChildren(...stations.map(stationRow));
}

// the stations heading says how many are in which state, so a collapsed table still tells
function stationSummary() {
  const n = {};
  for (const s of state.stations.values()) n[s.state] = (n[s.state] || 0) + 1;
  $('#station-summary').textContent = '(' + Object.entries(n).map(([k, v]) => v + ' ' + k).join(', ') + ')';
}

// D2000 StSIMUL: every tag of the station (inputs too) takes values set by hand
function simulated(t) {
  const s = state.stations.get(t.station);
  return !!s && s.state === 'StSIMUL';
}

function stationRow(s) {
  const tr = el('tr');
  tr.dataset.station = s.name;
  const controls = el('td', { className: 'controls' });
  for (const [label, target] of [['ON', 'StON'], ['OFF', 'StOFF'], ['SIMUL', 'StSIMUL']]) {
    const b = el('button', { type: 'button', textContent: label, title: 'Set station ' + s.name + ' to ' + target });
    b.dataset.control = target;
    if (s.state === target) b.classList.add('active');
    b.addEventListener('click', () => controlStation(s.name, target));
    controls.append(b, ' ');
  }
  // actions the station's driver offers (a Sparkplug rebirth), after the state buttons
  for (const action of s.actions || []) {
    const b = el('button', { type: 'button', textContent: action, title: 'Ask the driver of station ' + s.name + ' to ' + action });
    b.dataset.action = action;
    b.addEventListener('click', () => stationAction(s.name, action));
    controls.append(b, ' ');
  }
  const reason = el('td', { className: 'reason', textContent: s.reason || '', title: s.reason || '' });
  // what the driver tells beyond the state (Sparkplug: state, metrics, last seq), under the reason
  const details = Object.entries(s.details || {});
  if (details.length) {
    const text = details.map(([k, v]) => k + ': ' + v).join(' · ');
    reason.append(el('div', { className: 'station-details', textContent: text, title: text }));
  }
  tr.append(
    el('td', { textContent: s.name }),
    el('td', { textContent: s.line }),
    el('td', { className: 'state' }, badge(s.state, 's-' + s.state, s.reason || s.state)),
    diagnosticsCell(s.diagnostics),
    reason,
    controls);
  return tr;
}

const COUNT = new Intl.NumberFormat('en-US');

// what the station's driver counted: "msgs 1,234 · bad 3 · no time 0", the last error under it
// (its time and the other counters in the tooltip); a driver that keeps none leaves the cell empty
function diagnosticsCell(d) {
  const td = el('td', { className: 'diagnostics' });
  if (!d) return td;
  const counts = el('div', { className: 'diag-counts' },
    'msgs ', el('span', { className: 'diag-messages', textContent: COUNT.format(d.messages) }),
    ' · bad ', el('span', { className: 'diag-bad', textContent: COUNT.format(d.badPayloads) }),
    ' · no time ', el('span', { className: 'diag-time-missing', textContent: COUNT.format(d.timeMissing) }));
  if (d.badPayloads > 0) counts.classList.add('has-bad');
  counts.title = 'messages ' + d.messages + ', bad payloads ' + d.badPayloads + ', without a time field ' + d.timeMissing
    + ', dropped (inbox full) ' + d.dropped + ', discarded (station OFF/SIMUL) ' + d.discarded + ', queued now ' + d.queued;
  td.append(counts);
  if (d.lastError) {
    const when = d.lastErrorTime ? fmtTime(d.lastErrorTime) : '';
    td.append(el('div', { className: 'diag-error', textContent: d.lastError,
      title: (when ? when + ' UTC: ' : '') + d.lastError }));
  }
  return td;
}

async function stationAction(name, action) {
  if (!(await ensureToken())) return;
  const r = await api('POST', '/api/stations/' + encodeURIComponent(name) + '/actions/' + encodeURIComponent(action));
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showBanner('The write token was refused; enter it again to run ' + action + ' on station ' + name + '.');
    return;
  }
  showBanner(r.status === 200 ? '' : 'Station ' + name + ': ' + action + ' failed: ' + (r.json ? r.json.message : 'HTTP ' + r.status));
  refreshStationDetails();
}

// details (sequence numbers, metric counts) and diagnostics change with every message but are not pushed: poll them
async function refreshStationDetails() {
  const r = await api('GET', '/api/stations').catch(() => null);
  if (r && r.status === 200) r.json.forEach(updateStation);
}

function updateStation(s) {
  const before = state.stations.get(s.name);
  if (before && s.details === undefined) {
    // a station event carries the state only: keep the details last polled
    s = Object.assign({}, s, { details: before.details, actions: before.actions, diagnostics: before.diagnostics });
  }
  state.stations.set(s.name, s);
  if (before && before.state !== s.state) {
    // the write/set button of its tags depends on SIMUL
    for (const t of state.tags.values()) if (t.station === s.name) fillTag(state.rows.get(t.name), t, false);
  }
  stationSummary();
  const old = document.querySelector('#stations tr[data-station="' + CSS.escape(s.name) + '"]');
  if (old) old.replaceWith(stationRow(s)); else $('#stations tbody').append(stationRow(s));
}

async function controlStation(name, target) {
  if (!(await ensureToken())) return;
  const r = await api('POST', '/api/stations/' + encodeURIComponent(name), { state: target });
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showBanner('The write token was refused; enter it again to control station ' + name + '.');
    return;
  }
  if (r.status !== 200) {
    showBanner('Station ' + name + ' could not be set to ' + target + ': ' + (r.json ? r.json.message : 'HTTP ' + r.status));
    return;
  }
  showBanner('');
  const s = await api('GET', '/api/stations/' + encodeURIComponent(name));
  if (s.status === 200) updateStation(s.json);
}

// ---------- tags ----------
// Tags are shown grouped by line / station (configuration order), each group collapsible; a
// click on a column header sorts the rows inside every group.
function groupOf(t) {
  return t.line + ' / ' + t.station;
}

function groupRow(key, count) {
  const tr = el('tr', { className: 'group' });
  tr.dataset.group = key;
  const td = el('td', { colSpan: 12 });
  td.append(el('span', { className: 'twisty' }), el('span', { className: 'group-name', textContent: key }),
    el('span', { className: 'group-count', textContent: ' · ' + count + (count === 1 ? ' tag' : ' tags') }));
  tr.append(td);
  tr.classList.toggle('collapsed', state.collapsed.has(key));
  tr.addEventListener('click', () => {
    if (state.collapsed.has(key)) state.collapsed.delete(key); else state.collapsed.add(key);
    tr.classList.toggle('collapsed', state.collapsed.has(key));
    applyFilter();
  });
  return tr;
}

function renderTags(tags) {
  state.tags.clear();
  state.rows.clear();
  const groups = new Map();
  for (const t of tags) {
    state.tags.set(t.name, t);
    const tr = tagRow(t);
    tr.dataset.group = groupOf(t);
    state.rows.set(t.name, tr);
    addTrendPoint(t);
    fillTag(tr, t, false);
    const key = groupOf(t);
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(tr);
  }
  state.groups = groups;
  layoutTags();
  applyFilter();
  updateCounts();
}

function sortKey(t, col) {
  switch (col) {
    case 'value': return typeof t.value === 'number' ? t.value : (t.value === null ? -Infinity : String(t.value));
    case 'quality': return condition(t).label;
    case 'reason': return condition(t).text;
    case 'source': return t.sourceTime || '';
    case 'receive': return t.receiveTime || '';
    case 'age': return t.receiveTime ? -Date.parse(t.receiveTime) : -Infinity;
    case 'updates': return t.updates || 0;
    default: return String(t[col] === undefined ? '' : t[col]).toLowerCase();
  }
}

function compare(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b), undefined, { numeric: true });
}

// (re)places group headers and tag rows in the table, sorted when a column is chosen
function layoutTags() {
  const body = $('#tags tbody');
  const rows = [];
  for (const [key, trs] of state.groups) {
    rows.push(groupRow(key, trs.length));
    const sorted = [...trs];
    if (state.sort.col) {
      const dir = state.sort.dir;
      sorted.sort((x, y) => dir * compare(sortKey(state.tags.get(x.dataset.tag), state.sort.col),
        sortKey(state.tags.get(y.dataset.tag), state.sort.col)));
    }
    rows.push(...sorted);
  }
  body.replaceChildren(...rows);
  for (const th of document.querySelectorAll('#tags th[data-sort]')) {
    th.classList.toggle('sorted-asc', th.dataset.sort === state.sort.col && state.sort.dir === 1);
    th.classList.toggle('sorted-desc', th.dataset.sort === state.sort.col && state.sort.dir === -1);
  }
}

function sortBy(col) {
  state.sort = state.sort.col === col ? { col, dir: -state.sort.dir } : { col, dir: 1 };
  layoutTags();
}

// "age" of a value: how long ago it was received
function fmtAge(iso) {
  if (!iso) return '—';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min';
  if (s < 86400) return Math.floor(s / 3600) + ' h';
  return Math.floor(s / 86400) + ' d';
}

function refreshAges() {
  for (const [name, tr] of state.rows) {
    const t = state.tags.get(name);
    tr.querySelector('.age').textContent = fmtAge(t.receiveTime);
  }
}

function tagRow(t) {
  const tr = el('tr');
  tr.dataset.tag = t.name;
  const write = el('td', { className: 'write-cell' });
  const b = el('button', { type: 'button', textContent: 'write…', className: 'write', title: 'Write a value to ' + t.name });
  b.addEventListener('click', () => openWrite(t.name));
  write.append(b);
  tr.append(
    el('td', { className: 'name', title: [t.description, t.address ? 'address: ' + t.address : '', limitsText(t)]
      .filter(Boolean).join('\n') }, el('span', { textContent: t.name }),
      t.description ? el('span', { className: 'description', textContent: t.description }) : ''),
    el('td', { className: 'station', textContent: t.station }),
    el('td', { className: 'type', textContent: t.type }),
    el('td', { className: 'value num' }),
    el('td', { className: 'trend' }),
    el('td', { className: 'quality' }),
    el('td', { className: 'reason tag-reason' }),
    el('td', { className: 'time source' }),
    el('td', { className: 'time receive' }),
    el('td', { className: 'num updates' }),
    el('td', { className: 'num age' }),
    write);
  return tr;
}

function fillTag(tr, t, flash) {
  const c = condition(t);
  tr.querySelector('.value').textContent = fmtValue(t);
  const beyond = limitState(t);
  tr.querySelector('.value').title = (t.value === null ? 'no value' : String(t.value))
    + (beyond ? ' — beyond ' + beyond + ' (' + limitsText(t) + ')' : '');
  tr.querySelector('.value').dataset.limit = beyond;
  tr.querySelector('.quality').replaceChildren(badge(c.label, c.cls, qualityTitle(t)));
  tr.querySelector('.quality').title = qualityTitle(t);
  tr.dataset.condition = c.cls;
  tr.querySelector('.tag-reason').textContent = c.text;
  tr.querySelector('.tag-reason').title = t.quality === 'GOOD' ? '' : qualityTitle(t);
  tr.querySelector('.source').textContent = fmtTime(t.sourceTime);
  tr.querySelector('.receive').textContent = fmtTime(t.receiveTime);
  tr.querySelector('.updates').textContent = t.updates === undefined ? '' : t.updates;
  tr.querySelector('.age').textContent = fmtAge(t.receiveTime);
  tr.classList.toggle('stale-value', t.quality === 'BAD' && t.value !== null);
  tr.classList.toggle('idle-value', c.cls === 'c-idle');
  const button = tr.querySelector('button.write');
  const simul = simulated(t);
  button.hidden = !(t.writable || simul);
  button.textContent = simul ? 'set…' : 'write…';
  button.title = simul ? 'Set a simulated value of ' + t.name + ' by hand' : 'Write a value to ' + t.name;
  tr.querySelector('.trend').replaceChildren(sparkline(state.trends.get(t.name)));
  tr.dataset.search = [t.name, t.station, t.line, t.type, t.quality, t.reason, t.address, t.description, t.unit]
    .join(' ').toLowerCase();
  if (flash) {
    tr.classList.remove('flash');
    void tr.offsetWidth; // restart the animation
    tr.classList.add('flash');
  }
}

// a row flashes only when what the operator reads in it changed, not for every message
function changed(a, b) {
  return !a || fmtValue(a) !== fmtValue(b) || a.quality !== b.quality || a.reason !== b.reason;
}

function updateTag(t) {
  const before = state.tags.get(t.name);
  state.tags.set(t.name, t);
  let tr = state.rows.get(t.name);
  if (!tr) {
    tr = tagRow(t);
    state.rows.set(t.name, tr);
    $('#tags tbody').append(tr);
    tr.dataset.group = groupOf(t);
  }
  addTrendPoint(t);
  fillTag(tr, t, changed(before, t));
  applyFilterTo(tr);
  updateCounts();
}

function addTrendPoint(t) {
  if (!NUMERIC.has(t.type) || typeof t.value !== 'number' || t.quality === 'BAD') return;
  let points = state.trends.get(t.name);
  if (!points) { points = []; state.trends.set(t.name, points); }
  const last = points[points.length - 1];
  if (last && last.time === t.receiveTime) return; // the same value again (a reload)
  points.push({ time: t.receiveTime, v: t.value });
  if (points.length > TREND_POINTS) points.shift();
}

// the sparklines start from the host's history (so a reloaded page still shows them), then grow
// with live values; a live value that came in while the history loaded is kept
async function loadSparkHistory() {
  const r = await api('GET', '/api/history?last=' + TREND_POINTS).catch(() => null);
  if (!r || r.status !== 200) return;
  for (const s of r.json) {
    const t = state.tags.get(s.tag);
    if (!t || !NUMERIC.has(t.type)) continue;
    const points = s.points.filter((p) => p.value !== null && p.quality !== 'BAD').map((p) => ({ time: p.time, v: p.value }));
    const newest = points.length ? points[points.length - 1].time : '';
    const live = (state.trends.get(s.tag) || []).filter((p) => p.time > newest);
    state.trends.set(s.tag, points.concat(live).slice(-TREND_POINTS));
    const tr = state.rows.get(s.tag);
    if (tr) tr.querySelector('.trend').replaceChildren(sparkline(state.trends.get(s.tag)));
  }
}

function sparkline(points) {
  const w = 90, h = 16;
  const svgNS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNS, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('width', w);
  svg.setAttribute('height', h);
  if (!points || points.length < 2) return svg;
  const vs = points.map((p) => p.v);
  const min = Math.min(...vs), max = Math.max(...vs);
  const span = max - min || 1;
  const line = document.createElementNS(svgNS, 'polyline');
  line.setAttribute('points', vs.map((v, i) =>
    ((i / (vs.length - 1)) * (w - 1)).toFixed(1) + ',' + (h - 1 - ((v - min) / span) * (h - 2)).toFixed(1)).join(' '));
  const title = document.createElementNS(svgNS, 'title');
  title.textContent = 'last ' + vs.length + ' values, min ' + min + ', max ' + max;
  svg.append(title, line);
  return svg;
}

function applyFilterTo(tr) {
  const words = $('#filter').value.trim().toLowerCase().split(/\s+/).filter(Boolean);
  tr.hidden = !words.every((w) => tr.dataset.search.includes(w)) || state.collapsed.has(tr.dataset.group);
}

function applyFilter() {
  for (const tr of state.rows.values()) applyFilterTo(tr);
  updateCounts();
}

function updateCounts() {
  const n = { 'c-good': 0, 'c-uncertain': 0, 'c-fault': 0, 'c-idle': 0, 'c-simul': 0 };
  for (const t of state.tags.values()) n[condition(t).cls]++;
  const shown = [...state.rows.values()].filter((tr) => !tr.hidden).length;
  $('#counts').textContent = state.tags.size + ' tags (' + n['c-good'] + ' good, ' + n['c-uncertain'] + ' uncertain, '
    + n['c-fault'] + ' bad, ' + n['c-idle'] + ' idle' + (n['c-simul'] ? ', ' + n['c-simul'] + ' simulated' : '') + ')'
    + (shown !== state.tags.size ? ', ' + shown + ' shown' : '');
}

// ---------- loading and live updates ----------
async function loadAll() {
  try {
    const [info, lines, stations, tags] = await Promise.all(
      ['/api/info', '/api/lines', '/api/stations', '/api/tags'].map((p) => api('GET', p)));
    state.info = info.json || state.info;
    renderLines(lines.json || []);
    renderStations(stations.json || []);
    renderTags(tags.json || []);
    loadSparkHistory();
    return true;
  } catch (err) {
    hostLost();
    return false;
  }
}

// ---------- connection truth ----------
// Without the host every value on the page may be stale: grey all of it and say since when, until
// the stream is back and the tables are reloaded.
function hhmmss(ms) {
  return new Date(ms).toISOString().substring(11, 19) + ' UTC';
}

function hostLost() {
  if (state.lostSince !== null) return;
  state.lostSince = state.lastHeard;
  document.body.classList.add('no-host');
  setLive(false, 'no live updates — reconnecting…');
  showBanner('no connection to the host since ' + hhmmss(state.lostSince)
    + ': every value shown may be stale until the connection is back.');
}

function hostBack() {
  state.lostSince = null;
  document.body.classList.remove('no-host');
  showBanner('');
}

function heard() {
  state.lastHeard = Date.now();
}

function setLive(on, text) {
  const l = $('#live');
  l.className = 'live ' + (on ? 'on' : 'off');
  l.textContent = text;
}

let helloSeen = false;

function connectEvents() {
  const es = new EventSource('/api/events');
  state.events = es;
  // (re)connected: load the tables now, so nothing that changed before the stream began is missed
  es.addEventListener('hello', async () => {
    heard();
    helloSeen = true;
    if (await loadAll()) { hostBack(); setLive(true, 'live'); }
  });
  es.addEventListener('heartbeat', heard);
  es.addEventListener('resync', () => { heard(); loadAll(); }); // we missed events: reload the tables
  es.addEventListener('tag', (e) => { heard(); updateTag(JSON.parse(e.data)); });
  es.addEventListener('station', (e) => { heard(); updateStation(JSON.parse(e.data)); });
  es.addEventListener('line', (e) => { heard(); updateLine(JSON.parse(e.data)); });
  es.onerror = () => hostLost(); // EventSource retries by itself
}

// a host that hangs, or a link cut without a reset, closes nothing: the missing heartbeat tells
function watchHost() {
  if (!helloSeen || Date.now() - state.lastHeard <= HOST_SILENCE_MS) return;
  hostLost();
  if (Date.now() - state.lastReopen > 10000) {
    // this stream may be dead without knowing it: open a new one (its hello reloads the page)
    state.lastReopen = Date.now();
    state.events.close();
    connectEvents();
  }
}

// ---------- alarms ----------
const OPERATOR_KEY = 'scada-mqtt.operator';

async function loadAlarms() {
  const r = await api('GET', '/api/alarms').catch(() => null);
  if (!r || r.status !== 200) return;
  const alarms = r.json;
  const active = alarms.filter((a) => a.active).length;
  const unacked = alarms.filter((a) => !a.acknowledgedBy).length;
  const pill = $('#alarm-count');
  pill.textContent = 'alarms: ' + active + ' active, ' + unacked + ' unacknowledged';
  pill.className = 'alarm-pill' + (unacked ? ' unacked' : active ? ' active' : '');
  $('#alarm-summary').textContent = alarms.length ? '(' + active + ' active, ' + unacked + ' unacknowledged)' : '(none)';
  $('#alarms tbody').replaceChildren(...alarms.map(alarmRow));
}

function alarmRow(a) {
  const tr = el('tr', { className: (a.active ? 'alarm-active' : 'alarm-returned') + (a.acknowledgedBy ? ' alarm-acked' : '') });
  tr.dataset.alarm = a.id;
  tr.dataset.source = a.source;
  const ack = el('td');
  if (!a.acknowledgedBy) {
    const b = el('button', { type: 'button', className: 'ack', textContent: 'acknowledge' });
    b.addEventListener('click', () => acknowledge(a.id));
    ack.append(b);
  }
  tr.append(el('td', { className: 'time', textContent: fmtTime(a.raised) }), el('td', { textContent: a.source }),
    el('td', { className: 'kind', textContent: a.kind }),
    el('td', { className: 'num', textContent: a.value === null ? '—' : String(a.value) }),
    el('td', { className: 'reason text', textContent: a.text, title: a.text }),
    el('td', { className: 'time returned', textContent: a.active ? 'active' : fmtTime(a.returned) }),
    el('td', { className: 'acked', textContent: a.acknowledgedBy ? a.acknowledgedBy + ', ' + fmtTime(a.acknowledged) : '' }),
    ack);
  return tr;
}

async function acknowledge(id) {
  if (!(await ensureToken())) return;
  const who = $('#operator').value.trim();
  localStorage.setItem(OPERATOR_KEY, who);
  // without a name the host records the client address
  const r = await api('POST', '/api/alarms/' + id + '/ack', who ? { by: who } : {});
  if (r.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    showBanner('The write token was not accepted, so the alarm was not acknowledged; enter the current token and try again.');
  } else if (r.status !== 200) {
    showBanner('Alarm ' + id + ' could not be acknowledged: ' + (r.json ? r.json.message : 'HTTP ' + r.status));
  }
  loadAlarms();
}

// ---------- audit trail ----------
async function loadAudit() {
  if (!$('#audit-details').open) return;
  const r = await api('GET', '/api/audit').catch(() => null);
  if (!r || r.status !== 200) return;
  const show = (v) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  $('#audit tbody').replaceChildren(...r.json.map((e) => {
    const tr = el('tr', { className: e.result === 'OK' ? 'audit-ok' : 'audit-failed' });
    tr.append(el('td', { className: 'time', textContent: fmtTime(e.time) }), el('td', { textContent: e.client }),
      el('td', { textContent: e.action }), el('td', { textContent: e.target }),
      el('td', { textContent: show(e.oldValue) }), el('td', { textContent: show(e.newValue) }),
      el('td', { className: 'result', textContent: e.result }),
      el('td', { className: 'reason', textContent: e.message, title: e.message }));
    return tr;
  }));
}

function tick() {
  $('#clock').textContent = new Date().toISOString().replace('T', ' ').substring(0, 19) + ' UTC';
}

document.addEventListener('DOMContentLoaded', () => {
  $('#filter').addEventListener('input', applyFilter);
  $('#write-form').addEventListener('submit', sendWrite);
  $('#write-close').addEventListener('click', () => $('#write-dialog').close());
  $('#write-confirm').addEventListener('click', confirmWrite);
  $('#write-back').addEventListener('click', () => { showStep(false); $('#write-value').focus(); });
  $('#token-button').hidden = !sessionStorage.getItem(TOKEN_KEY);
  $('#token-button').addEventListener('click', () => {
    sessionStorage.removeItem(TOKEN_KEY);
    $('#token-button').hidden = true;
  });
  for (const th of document.querySelectorAll('#tags th[data-sort]')) {
    th.addEventListener('click', () => sortBy(th.dataset.sort));
    th.title = (th.title ? th.title + '; ' : '') + 'click to sort';
  }
  // the tag table's sticky header sits right under the page header, whatever its height: the
  // header wraps to a second line on a narrow window once its counts and alarm pill are filled in,
  // which no window resize announces, so its own size is watched
  const headerHeight = () => document.documentElement.style.setProperty('--header-h', $('header').offsetHeight + 'px');
  headerHeight();
  new ResizeObserver(headerHeight).observe($('header'));
  tick();
  setInterval(() => { tick(); refreshAges(); }, 1000);
  // line counters change with every message but are not pushed as events: refresh them
  setInterval(async () => {
    if (state.lostSince !== null) return;
    const r = await api('GET', '/api/lines').catch(() => null);
    if (r && r.status === 200) r.json.forEach(updateLine);
  }, 5000);
  setInterval(() => {
    const any = [...state.stations.values()].some((s) => s.diagnostics || (s.actions || []).length
      || Object.keys(s.details || {}).length);
    if (state.lostSince === null && any) refreshStationDetails();
  }, 5000);
  setInterval(watchHost, 250);
  $('#audit-details').addEventListener('toggle', loadAudit);
  $('#operator').value = localStorage.getItem(OPERATOR_KEY) || '';
  $('#operator').addEventListener('click', (e) => e.preventDefault()); // typing in the summary must not fold it
  loadAlarms();
  setInterval(() => { if (state.lostSince === null) loadAlarms(); }, 1000);
  setInterval(loadAudit, 5000);
  connectEvents();
  // without live updates (a proxy that buffers event streams) still show the tables
  setTimeout(() => { if (!helloSeen) loadAll(); }, 3000);
});

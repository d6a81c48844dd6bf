// scada-mqtt operator console: the write token prompt and the write dialog (uses state, $, el,
// api, NUMERIC and TOKEN_KEY from console.js, which loads first).
'use strict';

// ---------- token ----------
// Asks once per tab when the host protects writes; resolves false when the operator cancels.
function ensureToken() {
  if (!state.info.writeProtected || sessionStorage.getItem(TOKEN_KEY)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const d = $('#token-dialog');
    const done = (ok) => {
      d.close();
      $('#token-ok').onclick = null;
      $('#token-cancel').onclick = null;
      resolve(ok);
    };
    $('#token-input').value = '';
    $('#token-ok').onclick = (e) => {
      e.preventDefault();
      const v = $('#token-input').value.trim();
      if (!v) return;
      sessionStorage.setItem(TOKEN_KEY, v);
      $('#token-button').hidden = false;
      done(true);
    };
    $('#token-cancel').onclick = () => done(false);
    d.showModal();
  });
}

// ---------- write dialog ----------
let writeTag = null;

function writeInputFor(t) {
  if (t.type === 'Do' || t.type === 'Di') {
    const s = el('select', { id: 'write-value' });
    s.append(el('option', { value: 'true', textContent: 'true (1)' }), el('option', { value: 'false', textContent: 'false (0)' }));
    if (t.value === false) s.value = 'false';
    return s;
  }
  const numeric = NUMERIC.has(t.type);
  const i = el('input', { id: 'write-value', type: numeric ? 'number' : 'text', step: 'any', autocomplete: 'off' });
  if (t.value !== null && t.value !== undefined) i.value = String(t.value);
  return i;
}

function writeHint(t) {
  if (simulated(t)) {
    return 'Station ' + t.station + ' is simulated (StSIMUL): the value is set by hand in the host and shown as '
      + 'SIMULATED; nothing is sent to the broker. ' + typeHint(t);
  }
  return typeHint(t);
}

function typeHint(t) {
  switch (t.type) {
    case 'Ai': return 'Analog value: a number, e.g. 12.5';
    case 'Ci': return 'Integer value: a whole number, e.g. 42';
    case 'Di': return 'Digital value: true or false';
    case 'Qi': return 'Quad value: Q_On, Q_Off, Q_Trans or Q_Err (or 0..3)';
    case 'TiA': return 'Absolute time: ISO-8601 UTC, e.g. 2026-01-31T12:00:00.000Z';
    case 'TiR': return 'Time interval in seconds, e.g. 1.5';
    case 'Ao': return 'Analog output: a number, e.g. 12.5';
    case 'Co': return 'Integer output: a whole number, e.g. 42';
    case 'Do': return 'Digital output: true or false';
    case 'ToA': return 'Absolute time: ISO-8601 UTC, e.g. 2026-01-31T12:00:00.000Z';
    case 'ToR': return 'Time interval in seconds, e.g. 1.5';
    default: return 'Text output';
  }
}

async function openWrite(name) {
  if (!(await ensureToken())) return;
  const t = state.tags.get(name);
  writeTag = name;
  $('#write-tag').textContent = name + ' (' + t.type + ', station ' + t.station + ')';
  $('#write-hint').textContent = writeHint(t);
  $('#write-input-holder').replaceChildren(writeInputFor(t));
  $('#write-result').textContent = '';
  $('#write-result').className = '';
  $('#token-row').hidden = true;
  $('#write-send').disabled = false;
  showStep(false);
  $('#write-dialog').showModal();
  $('#write-value').focus();
}

function writeValue(t) {
  const raw = $('#write-value').value;
  if (t.type === 'Do' || t.type === 'Di') return raw === 'true';
  if (NUMERIC.has(t.type)) {
    if (raw.trim() === '') return undefined;
    return Number(raw);
  }
  return raw;
}

// Step 1 (Write…): check the value and show it back with tag, station and line. Step 2
// (Confirm): send it. A value is never sent by a single click or Enter.
let pendingValue;

function showStep(confirming) {
  $('#write-enter').hidden = confirming;
  $('#write-check').hidden = !confirming;
  $('#write-send').hidden = confirming;
  $('#write-confirm').hidden = !confirming;
  $('#write-back').hidden = !confirming;
}

function sendWrite(e) {
  e.preventDefault();
  const t = state.tags.get(writeTag);
  const result = $('#write-result');
  const value = writeValue(t);
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    result.className = 'failed';
    result.textContent = 'Enter a number for ' + t.name + '.';
    return;
  }
  pendingValue = value;
  result.className = '';
  result.textContent = '';
  const what = simulated(t) ? 'Set the simulated value ' : 'Write ';
  const unit = t.unit ? ' ' + t.unit : '';
  $('#write-question').textContent = what + JSON.stringify(value) + unit + ' to ' + t.name + ' (' + t.type
    + ') of station ' + t.station + ', line ' + t.line + '? Now: ' + fmtValue(t) + unit + '.';
  showStep(true);
  $('#write-confirm').focus();
}

async function confirmWrite() {
  const t = state.tags.get(writeTag);
  const result = $('#write-result');
  if (!$('#token-row').hidden && $('#write-token').value.trim()) {
    sessionStorage.setItem(TOKEN_KEY, $('#write-token').value.trim());
    $('#token-button').hidden = false;
  }
  const value = pendingValue;
  $('#write-confirm').disabled = true;
  result.className = '';
  result.textContent = 'writing…';
  try {
    const r = await api('POST', '/api/tags/' + encodeURIComponent(t.name), { value });
    if (r.status === 200) {
      result.className = 'ok';
      result.textContent = 'OK: ' + t.name + ' = ' + JSON.stringify(value)
        + (simulated(t) ? ' set by hand (simulated).' : ' written.');
      showStep(false);
    } else if (r.status === 401) {
      result.className = 'failed';
      result.textContent = 'Nothing was written: the write token was not accepted. Enter the current token '
        + 'below (the host\'s administrator has it) and press Confirm again.';
      sessionStorage.removeItem(TOKEN_KEY);
      $('#token-row').hidden = false;
      $('#write-token').value = '';
      $('#write-token').focus();
    } else {
      result.className = 'failed';
      result.textContent = (r.json ? r.json.reason + ': ' + r.json.message : 'HTTP ' + r.status);
      showStep(false);
    }
  } catch (err) {
    result.className = 'failed';
    result.textContent = 'The host did not answer: ' + err;
    showStep(false);
  } finally {
    $('#write-confirm').disabled = false;
  }
}

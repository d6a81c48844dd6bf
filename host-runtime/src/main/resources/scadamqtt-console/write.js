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
  if (t.type === 'Do') {
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
  switch (t.type) {
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
  $('#write-dialog').showModal();
  $('#write-value').focus();
}

function writeValue(t) {
  const raw = $('#write-value').value;
  if (t.type === 'Do') return raw === 'true';
  if (t.type === 'Ao' || t.type === 'Co' || t.type === 'ToR') {
    if (raw.trim() === '') return undefined;
    return Number(raw);
  }
  return raw;
}

async function sendWrite(e) {
  e.preventDefault();
  const t = state.tags.get(writeTag);
  const result = $('#write-result');
  if (!$('#token-row').hidden && $('#write-token').value.trim()) {
    sessionStorage.setItem(TOKEN_KEY, $('#write-token').value.trim());
    $('#token-button').hidden = false;
  }
  const value = writeValue(t);
  if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) {
    result.className = 'failed';
    result.textContent = 'Enter a number for ' + t.name + '.';
    return;
  }
  $('#write-send').disabled = true;
  result.className = '';
  result.textContent = 'writing…';
  try {
    const r = await api('POST', '/api/tags/' + encodeURIComponent(t.name), { value });
    if (r.status === 200) {
      result.className = 'ok';
      result.textContent = 'OK: ' + t.name + ' = ' + JSON.stringify(value) + ' written.';
    } else {
      result.className = 'failed';
      result.textContent = (r.json ? r.json.reason + ': ' + r.json.message : 'HTTP ' + r.status);
      if (r.status === 401) {
        sessionStorage.removeItem(TOKEN_KEY);
        $('#token-row').hidden = false;
        $('#write-token').value = '';
      }
    }
  } catch (err) {
    result.className = 'failed';
    result.textContent = 'The host did not answer: ' + err;
  } finally {
    $('#write-send').disabled = false;
  }
}

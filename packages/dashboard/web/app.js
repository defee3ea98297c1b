// The dashboard page. Everything it shows arrives over server-sent events: a full snapshot on
// connecting, then about once a second an update with the fields that changed; the page only
// keeps a short history for its charts. Text from the server is always set with textContent
// (never innerHTML), so span names and attributes cannot inject markup.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './app.css';

const HISTORY = 300;
const HEAT_COLUMNS = 120;
const query = (() => {
  const token = new URLSearchParams(location.search).get('token');
  return token ? `?token=${encodeURIComponent(token)}` : '';
})();

const $ = (id) => document.getElementById(id);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  if (props) {
    for (const [key, value] of Object.entries(props)) {
      if (value === undefined || value === null) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, String(value));
    }
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

const fmt = {
  ms: (seconds) =>
    seconds === null || seconds === undefined || Number.isNaN(seconds)
      ? '–'
      : `${(seconds * 1000).toFixed(seconds < 0.01 ? 2 : 1)} ms`,
  msRaw: (ms) => (ms === null || ms === undefined ? '–' : `${ms.toFixed(ms < 10 ? 2 : 1)} ms`),
  rate: (r) => (r === null || r === undefined ? '–' : r >= 100 ? r.toFixed(0) : r.toFixed(1)),
  pct: (r) =>
    r === null || r === undefined ? '–' : `${(r * 100).toFixed(r < 0.01 && r > 0 ? 2 : 1)} %`,
  bytes: (b) => (b === null || b === undefined ? '–' : `${(b / 1048576).toFixed(1)} MiB`),
  window: (ms) =>
    ms >= 86_400_000
      ? `${ms / 86_400_000}d`
      : ms >= 3_600_000
        ? `${ms / 3_600_000}h`
        : `${ms / 60_000}m`,
};

function stat(label, value) {
  return el('div', { class: 'stat' }, el('b', { text: value }), el('span', { text: label }));
}

function replace(node, ...children) {
  node.replaceChildren(...children.filter(Boolean));
}

// ---- charts ---------------------------------------------------------------------------

const history = { t: [], rate: [], errors: [], p50: [], p90: [], p99: [], cpu: [], eld: [] };
const charts = {};

function push(key, value) {
  const list = history[key];
  list.push(value === undefined || Number.isNaN(value) ? null : value);
  if (list.length > HISTORY) list.shift();
}

function chartWidth(id) {
  return Math.max($(id).clientWidth, 200);
}

function makeChart(id, series, scales) {
  const css = getComputedStyle(document.documentElement);
  const text = css.getPropertyValue('--muted').trim();
  const grid = css.getPropertyValue('--border').trim();
  const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } };
  const opts = {
    width: chartWidth(id),
    height: 150,
    series: [{}, ...series],
    scales: { x: { time: true }, ...scales },
    axes: [axis, { ...axis, scale: series[0].scale, size: 56 }],
    legend: { live: false },
    cursor: { drag: { x: false, y: false } },
  };
  return new uPlot(opts, [[], ...series.map(() => [])], $(id));
}

function updateCharts() {
  const t = history.t;
  charts.rate ??= makeChart('chart-rate', [
    { label: 'req/s', stroke: '#3b82f6', width: 2, scale: 'y' },
    { label: 'errors %', stroke: '#dc2626', width: 2, scale: 'y' },
  ]);
  charts.latency ??= makeChart('chart-latency', [
    { label: 'p50 ms', stroke: '#16a34a', width: 2, scale: 'y' },
    { label: 'p90 ms', stroke: '#d97706', width: 2, scale: 'y' },
    { label: 'p99 ms', stroke: '#dc2626', width: 2, scale: 'y' },
  ]);
  charts.runtime ??= makeChart('chart-runtime', [
    { label: 'CPU %', stroke: '#7c3aed', width: 2, scale: 'y' },
    { label: 'loop p99 ms', stroke: '#0891b2', width: 2, scale: 'y' },
  ]);
  charts.rate.setData([t, history.rate, history.errors]);
  charts.latency.setData([t, history.p50, history.p90, history.p99]);
  charts.runtime.setData([t, history.cpu, history.eld]);
}

window.addEventListener('resize', () => {
  for (const [key, id] of [
    ['rate', 'chart-rate'],
    ['latency', 'chart-latency'],
    ['runtime', 'chart-runtime'],
  ]) {
    charts[key]?.setSize({ width: chartWidth(id), height: 150 });
  }
  drawHeatmap();
});

// ---- heatmap (plain canvas: one column per tick, one row per latency bucket) ----------

const heat = { bounds: [], columns: [] };

function pushHeat(heatmap) {
  if (!heatmap || heatmap.bounds.length === 0) return;
  heat.bounds = heatmap.bounds;
  heat.columns.push(heatmap.counts);
  if (heat.columns.length > HEAT_COLUMNS) heat.columns.shift();
}

function drawHeatmap() {
  const canvas = $('heatmap');
  const ratio = window.devicePixelRatio || 1;
  const width = Math.max(canvas.clientWidth, 200);
  const height = canvas.clientHeight || 180;
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  const css = getComputedStyle(document.documentElement);
  const low = css.getPropertyValue('--heat-low').trim();
  const high = css.getPropertyValue('--heat-high').trim().split(',').map(Number);
  const lowRgb = low.split(',').map(Number);
  ctx.fillStyle = css.getPropertyValue('--panel').trim();
  ctx.fillRect(0, 0, width, height);
  const rows = heat.bounds.length;
  if (rows === 0) return;
  const labelWidth = 56;
  const colWidth = (width - labelWidth) / HEAT_COLUMNS;
  const rowHeight = height / rows;
  let max = 1;
  for (const column of heat.columns) for (const c of column) max = Math.max(max, c);
  const offset = HEAT_COLUMNS - heat.columns.length;
  heat.columns.forEach((column, x) => {
    column.forEach((count, row) => {
      if (count <= 0) return;
      const k = Math.log1p(count) / Math.log1p(max);
      const rgb = lowRgb.map((l, i) => Math.round(l + (high[i] - l) * k));
      ctx.fillStyle = `rgb(${rgb.join(',')})`;
      ctx.fillRect(
        labelWidth + (offset + x) * colWidth,
        height - (row + 1) * rowHeight,
        Math.ceil(colWidth),
        Math.ceil(rowHeight),
      );
    });
  });
  ctx.fillStyle = css.getPropertyValue('--muted').trim();
  ctx.font = '10px system-ui, sans-serif';
  const step = Math.ceil(rows / 6);
  for (let row = 0; row < rows; row += step) {
    const bound = heat.bounds[row];
    const label =
      bound === null || !Number.isFinite(bound)
        ? '+Inf'
        : bound < 1
          ? `${Math.round(bound * 1000)}ms`
          : `${bound}s`;
    ctx.fillText(label, 2, height - row * rowHeight - 3);
  }
}

// ---- panels ----------------------------------------------------------------------------

function renderRequests(requests) {
  if (!requests) {
    replace($('overview-stats'), el('p', { class: 'empty', text: 'No metrics source configured' }));
    return;
  }
  const o = requests.overall;
  replace(
    $('overview-stats'),
    stat('requests/s', fmt.rate(o.rate)),
    stat('errors', fmt.pct(o.errorRate)),
    stat('p50', fmt.ms(o.p50)),
    stat('p90', fmt.ms(o.p90)),
    stat('p99', fmt.ms(o.p99)),
    stat('total', String(o.total)),
  );
  const body = $('routes').tBodies[0];
  const rows = requests.routes.map((r) =>
    el(
      'tr',
      null,
      el('td', { text: `${r.method} ${r.route}` }),
      el('td', { text: fmt.rate(r.rate) }),
      el('td', {
        text: fmt.pct(r.errorRate),
        class: r.errorRate > 0 ? 'status-unhealthy' : undefined,
      }),
      el('td', { text: fmt.ms(r.p50) }),
      el('td', { text: fmt.ms(r.p90) }),
      el('td', { text: fmt.ms(r.p99) }),
    ),
  );
  if (rows.length === 0)
    rows.push(el('tr', null, el('td', { colspan: 6, class: 'empty', text: 'No requests yet' })));
  replace(body, ...rows);
}

function traceItem(trace) {
  const label = `${trace.name}, ${trace.durationMs.toFixed(1)} milliseconds, ${trace.spanCount} spans${trace.error ? ', failed' : ''}`;
  return el(
    'li',
    null,
    el(
      'button',
      {
        type: 'button',
        'data-trace': trace.traceId,
        'aria-label': `Open trace ${label}`,
        onclick: () => openTrace(trace.traceId),
      },
      el('span', { class: trace.error ? 'err' : undefined, text: trace.name }),
      el('span', { text: fmt.msRaw(trace.durationMs) }),
    ),
  );
}

function renderTraces(traces) {
  for (const [key, id] of [
    ['slowest', 'traces-slowest'],
    ['failed', 'traces-failed'],
  ]) {
    const list = traces?.[key] ?? [];
    const focused = document.activeElement?.closest?.(`#${id}`)
      ? document.activeElement.dataset.trace
      : undefined;
    replace(
      $(id),
      ...(list.length
        ? list.map(traceItem)
        : [el('li', { class: 'empty', text: traces ? 'None' : 'No tracer configured' })]),
    );
    // Keep keyboard focus on the same trace across live updates.
    if (focused) $(id).querySelector(`[data-trace="${focused}"]`)?.focus();
  }
}

async function openTrace(traceId) {
  const panel = $('panel-waterfall');
  const target = $('waterfall');
  panel.hidden = false;
  replace(target, el('p', { class: 'empty', text: 'Loading…' }));
  const response = await fetch(`./api/traces/${traceId}${query}`);
  if (!response.ok) {
    replace(target, el('p', { class: 'empty', text: 'This trace is no longer kept.' }));
    return;
  }
  const trace = await response.json();
  $('h-waterfall').textContent =
    `Trace ${trace.traceId.slice(0, 8)}… (${fmt.msRaw(trace.durationMs)})`;
  const total = Math.max(trace.durationMs, 0.001);
  const rows = trace.spans.map((span) => {
    const bar = el('div', {
      class: `span-bar${span.status === 'error' ? ' error' : ''}`,
      role: 'img',
      'aria-label': `starts at ${span.offsetMs.toFixed(2)} ms, lasts ${span.durationMs.toFixed(2)} ms`,
    });
    bar.style.left = `${(span.offsetMs / total) * 100}%`;
    bar.style.width = `${Math.max((span.durationMs / total) * 100, 0.3)}%`;
    const name = el('div', { class: 'span-name', text: span.name, title: span.name });
    name.style.paddingLeft = `${span.depth * 12}px`;
    const details = el(
      'details',
      { class: 'span-details' },
      el('summary', { text: `Details of ${span.name}` }),
      el('pre', {
        text: JSON.stringify(
          {
            kind: span.kind,
            status: span.status,
            statusMessage: span.statusMessage,
            attributes: span.attributes,
            events: span.events,
          },
          null,
          2,
        ),
      }),
    );
    return el(
      'div',
      { class: 'span-row', role: 'listitem' },
      name,
      el('div', { class: 'span-track' }, bar),
      el('div', { class: 'span-dur', text: fmt.msRaw(span.durationMs) }),
      details,
    );
  });
  replace(target, el('div', { role: 'list', 'aria-label': 'Spans of the trace' }, ...rows));
  $('h-waterfall').focus();
}

$('waterfall-close')?.addEventListener('click', () => {
  $('panel-waterfall').hidden = true;
});
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !$('panel-waterfall').hidden) $('panel-waterfall').hidden = true;
});

function renderHealth(health) {
  const panel = $('panel-health');
  if (!health) {
    panel.dataset.status = 'unknown';
    replace(
      $('health'),
      el('li', { class: 'empty', text: 'No health checks configured (or not run yet)' }),
    );
    return;
  }
  panel.dataset.status = health.status;
  panel.classList.toggle('failing', health.status === 'unhealthy');
  $('h-health').textContent = `Health: ${health.status}`;
  replace(
    $('health'),
    ...health.checks.map((c) =>
      el(
        'li',
        { 'data-check': c.name },
        el('span', { text: c.name }),
        el('span', {
          class: `status-${c.status}`,
          text: `${c.status}${c.message ? ` (${c.message})` : ''} · ${fmt.msRaw(c.durationMs)}`,
        }),
      ),
    ),
  );
}

function renderSlos(slos) {
  if (!slos || slos.length === 0) {
    replace(
      $('slos'),
      el('p', { class: 'empty', text: slos ? 'No SLOs registered' : 'No SLO source configured' }),
    );
    return;
  }
  replace(
    $('slos'),
    ...slos.map((s) => {
      const left = Math.max(Math.min(s.budgetRemainingRatio, 1), 0);
      return el(
        'div',
        { class: 'slo' },
        el('div', {
          text: `${s.name}: objective ${(s.objective * 100).toFixed(2)} %, budget left ${fmt.pct(s.budgetRemainingRatio)}${s.firing.length ? ` · firing ${s.firing.join(', ')}` : ''}`,
          class: s.exhausted ? 'status-unhealthy' : undefined,
        }),
        el('meter', {
          min: 0,
          max: 1,
          low: 0.25,
          optimum: 1,
          value: left,
          'aria-label': `Error budget left for ${s.name}`,
        }),
        el(
          'div',
          { class: 'burns' },
          ...s.burnRates.map((b) =>
            el('span', {
              class: b.burnRate >= 1 ? 'hot' : undefined,
              text: `${fmt.window(b.windowMs)}: ${b.burnRate.toFixed(2)}×`,
            }),
          ),
        ),
      );
    }),
  );
}

function renderRuntime(runtime) {
  if (!runtime) {
    replace($('runtime-stats'), el('p', { class: 'empty', text: 'Waiting for runtime figures' }));
    return;
  }
  replace(
    $('runtime-stats'),
    stat('CPU', `${runtime.cpuPercent.toFixed(1)} %`),
    stat('heap used', fmt.bytes(runtime.heapUsedBytes)),
    stat('RSS', fmt.bytes(runtime.rssBytes)),
    stat('loop delay p99', fmt.msRaw(runtime.eventLoopDelayP99Ms)),
    stat('handles', runtime.activeHandles === undefined ? '–' : String(runtime.activeHandles)),
    stat('GC', `${runtime.gcCount} · ${fmt.msRaw(runtime.gcPauseMs)}`),
  );
}

function renderFaults(faults) {
  replace(
    $('faults'),
    ...(faults.length
      ? faults.map((f) =>
          el('li', null, el('span', { text: f.code }), el('b', { text: String(f.count) })),
        )
      : [el('li', { class: 'empty', text: 'Nothing dropped or failed' })]),
  );
}

// ---- feed --------------------------------------------------------------------------------

let updates = 0;
// The page's copy of the server's snapshot: an `update` carries only the fields that changed.
const state = {};

function render(message, full) {
  if (full) for (const key of Object.keys(state)) delete state[key];
  Object.assign(state, message);
  const fresh = (key) => full || key in message;
  updates++;
  document.body.dataset.updates = String(updates);
  history.t.push(state.time / 1000);
  if (history.t.length > HISTORY) history.t.shift();
  const o = state.requests?.overall;
  push('rate', o?.rate);
  push('errors', o ? o.errorRate * 100 : null);
  push('p50', o?.p50 === null || o?.p50 === undefined ? null : o.p50 * 1000);
  push('p90', o?.p90 === null || o?.p90 === undefined ? null : o.p90 * 1000);
  push('p99', o?.p99 === null || o?.p99 === undefined ? null : o.p99 * 1000);
  push('cpu', state.runtime?.cpuPercent);
  push('eld', state.runtime?.eventLoopDelayP99Ms);
  // A heatmap column per metrics read: an unchanged `requests` is not a new read.
  if (fresh('requests')) {
    pushHeat(state.requests?.heatmap);
    renderRequests(state.requests);
  }
  if (fresh('traces')) renderTraces(state.traces);
  if (fresh('health')) renderHealth(state.health);
  if (fresh('slos')) renderSlos(state.slos);
  if (fresh('runtime')) renderRuntime(state.runtime);
  if (fresh('faults')) renderFaults(state.faults ?? []);
  updateCharts();
  drawHeatmap();
  $('live').textContent = `Live · updated ${new Date(state.time).toLocaleTimeString()}`;
}

function connect() {
  const source = new EventSource(`./events${query}`);
  source.addEventListener('snapshot', (event) => render(JSON.parse(event.data), true));
  source.addEventListener('update', (event) => render(JSON.parse(event.data), false));
  source.addEventListener('error', () => {
    $('live').textContent = 'Disconnected, retrying…';
  });
}

connect();

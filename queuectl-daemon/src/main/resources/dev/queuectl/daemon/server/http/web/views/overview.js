// Overview: counts per state, workers, the oldest waiting job, runs and times over the last hour
// and day (charts), and the daemon's health. Kept current by 'status' and 'stats' events.
import { api } from '../api.js';
import { h, fill, number, duration, time, jobLink, oneLine, throttle, table } from '../dom.js';
import { timeChart } from '../charts.js';

const STATES = ['pending', 'processing', 'completed', 'failed', 'dead'];

export function mount(main, ctx) {
  const cards = h('div', { class: 'cards', id: 'counts' });
  const workers = h('div', { class: 'cards' });
  const oldest = h('p', { class: 'muted' }, 'Looking for the oldest waiting job…');
  const health = h('dl', { class: 'fields' });
  const charts = h('div', { class: 'grid2' });
  const error = h('div', { role: 'alert' });
  fill(main,
    h('h1', null, 'Overview'), error,
    h('section', { 'aria-labelledby': 'h-jobs' }, h('h2', { id: 'h-jobs' }, 'Jobs'), cards),
    h('section', { 'aria-labelledby': 'h-workers' }, h('h2', { id: 'h-workers' }, 'Workers'), workers, oldest),
    h('section', { 'aria-labelledby': 'h-charts' }, h('h2', { id: 'h-charts' }, 'Runs'), charts),
    h('section', { 'aria-labelledby': 'h-health' }, h('h2', { id: 'h-health' }, 'Daemon'), h('div', { class: 'panel' }, health)));

  const perMinute = timeChart(charts, 'Runs per minute, last hour', [
    { label: 'completed', color: '--chart-ok' }, { label: 'failed', color: '--chart-bad' }], 60);
  const perHour = timeChart(charts, 'Runs per hour, last day', [
    { label: 'completed', color: '--chart-ok' }, { label: 'failed', color: '--chart-bad' }], 3600);
  const runTimes = timeChart(charts, 'Run time per minute (p50, p95)', [
    { label: 'p50', color: '--chart-a', unit: 'seconds' }, { label: 'p95', color: '--chart-b', unit: 'seconds' }], 60);
  const waits = timeChart(charts, 'Queue wait per minute (p50, p95)', [
    { label: 'p50', color: '--chart-a', unit: 'seconds' }, { label: 'p95', color: '--chart-b', unit: 'seconds' }], 60);

  function showStatus(s) {
    fill(cards, STATES.map((st) => h('a', {
      class: 'card', href: st === 'dead' ? '/dead' : '/jobs?state=' + st, dataset: { state: st },
    }, h('div', { class: 'n', dataset: { count: st } }, number(s.jobs[st])), h('div', { class: 'label' }, st,
      waitingNote(s.waiting && s.waiting[st])))));
    const w = s.workers;
    fill(workers,
      h('a', { class: 'card', href: '/workers' }, h('div', { class: 'n' }, w.busy + ' / ' + w.configured),
        h('div', { class: 'label' }, 'busy / configured')),
      h('div', { class: 'card' }, h('div', { class: 'n' }, w.stopped ? 'stopped' : 'taking jobs'),
        h('div', { class: 'label' }, 'pool')),
      windowCard(s.stats && s.stats.last_minute, 'last minute'),
      // The status counts runs since the daemon started; the charts below reach back further.
      windowCard(s.stats && s.stats.last_hour, s.uptime < 3600 ? 'since the start ' + duration(s.uptime) + ' ago'
        : 'last hour'));
    const rows = [
      ['version', s.version + ' (protocol ' + s.protocol + ')'], ['node', s.node], ['store', s.store],
      ['pid', String(s.pid)], ['started', time(s.started_at)], ['uptime', duration(s.uptime)],
      ['data dir', s.data_dir], ['socket', s.socket],
    ];
    if (s.containment) {
      rows.push(['runs', s.containment.mechanism === 'cgroup' ? 'each in a cgroup of its own under '
        + s.containment.cgroup : 'marked and stopped by process group (' + (s.containment.reason || 'no cgroup') + ')']);
    }
    if (s.loops) rows.push(['loops', loopTable(s.loops)]);
    for (const [k, v] of Object.entries(s)) {
      if (['version', 'protocol', 'node', 'store', 'pid', 'started_at', 'uptime', 'data_dir', 'socket', 'jobs',
        'workers', 'stats', 'waiting', 'loops', 'containment'].includes(k)) continue;
      rows.push([k.replace(/_/g, ' '), typeof v === 'object' ? oneLine(JSON.stringify(v), 300) : oneLine(String(v))]);
    }
    fill(health, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, typeof v === 'string' ? oneLine(v, 300) : v)]));
  }

  // Why pending or failed jobs wait: held, not due yet; the rest are due.
  function waitingNote(w) {
    if (!w || (!w.held && !w.not_due)) return null;
    const parts = [];
    if (w.held) parts.push(number(w.held) + ' held');
    if (w.not_due) parts.push(number(w.not_due) + ' not due');
    return ' · ' + parts.join(', ');
  }

  function loopTable(loops) {
    return table(['Loop', 'Alive', 'Last turn', { text: 'Errors', class: 'num' }], loops.map((l) => [
      oneLine(l.name, 60), l.alive ? 'yes' : h('strong', { class: 'err' }, 'no'), time(l.last_turn),
      { cell: number(l.errors) + (l.last_error ? ' (' + oneLine(l.last_error, 120) + ')' : ''), class: 'num' },
    ]));
  }

  function windowCard(win, label) {
    if (!win) return null;
    const p95 = win.p95_run_seconds == null ? '' : ' · p95 ' + duration(win.p95_run_seconds);
    return h('div', { class: 'card' }, h('div', { class: 'n' }, number(win.completed) + ' / ' + number(win.failed)),
      h('div', { class: 'label' }, 'completed / failed, ' + label + p95));
  }

  function showStats(st) {
    const xs = (pts) => pts.map((p) => Date.parse(p.start) / 1000);
    perMinute.set([xs(st.minutes), st.minutes.map((p) => p.completed), st.minutes.map((p) => p.failed)]);
    perHour.set([xs(st.hours), st.hours.map((p) => p.completed), st.hours.map((p) => p.failed)]);
    runTimes.set([xs(st.minutes), st.minutes.map((p) => (p.run ? p.run.p50 : null)),
      st.minutes.map((p) => (p.run ? p.run.p95 : null))]);
    waits.set([xs(st.minutes), st.minutes.map((p) => (p.wait ? p.wait.p50 : null)),
      st.minutes.map((p) => (p.wait ? p.wait.p95 : null))]);
  }

  async function findOldest() {
    try {
      const page = await api.get('jobs', { state: 'pending', limit: 1 });
      const j = page.jobs[0];
      if (!j) {
        fill(oldest, 'No job is waiting.');
        return;
      }
      const due = Date.parse(j.run_at);
      fill(oldest, 'Oldest waiting job: ', jobLink(j.id), due > Date.now() ? [', not due until ', time(j.run_at)]
        : [', due since ', time(j.run_at), ' (', duration((Date.now() - due) / 1000), ')']);
    } catch (e) {
      fill(oldest, 'Could not look up the oldest waiting job: ' + e.message);
    }
  }
  const findOldestSoon = throttle(findOldest, 2000);

  async function load() {
    try {
      const [s, st] = await Promise.all([api.get('status'), api.get('stats')]);
      fill(error);
      showStatus(s);
      showStats(st);
    } catch (e) {
      fill(error, h('p', { class: 'error' }, e.message));
    }
    findOldest();
  }

  const off = [
    ctx.live.on('status', (s) => showStatus(s)),
    ctx.live.on('stats', (st) => showStats(st)),
    ctx.live.on('jobs', () => findOldestSoon()),
    ctx.live.on('reset', () => load()),
  ];
  load();
  return {
    unmount() {
      off.forEach((f) => f());
      [perMinute, perHour, runTimes, waits].forEach((c) => c.destroy());
    },
  };
}

// Workers: the pool's size and switch, and what each busy worker runs; start (with a count)
// and stop for read-write sessions. Kept current by 'status' events.
import { api } from '../api.js';
import { h, fill, time, duration, jobLink, table } from '../dom.js';
import { confirmAction } from '../confirm.js';

export function mount(main, ctx) {
  const summary = h('div', { class: 'cards' });
  const running = h('div');
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const count = h('input', { type: 'number', min: '1', max: '256', id: 'w-count', name: 'count', inputmode: 'numeric' });
  const controls = h('form', { class: 'toolbar' },
    h('label', { for: 'w-count' }, 'Workers', count),
    h('button', { type: 'submit', class: 'primary', dataset: { action: 'start' } }, 'Start taking jobs'),
    h('button', { type: 'button', class: 'danger', dataset: { action: 'stop' }, onclick: () => stop() }, 'Stop taking jobs'));
  controls.addEventListener('submit', (e) => {
    e.preventDefault();
    start();
  });
  fill(main, h('h1', null, 'Workers'), message, summary, ctx.canChange ? controls : null,
    h('h2', null, 'Running now'), running);

  function show(w) {
    fill(summary,
      h('div', { class: 'card' }, h('div', { class: 'n' }, String(w.configured)), h('div', { class: 'label' }, 'configured')),
      h('div', { class: 'card' }, h('div', { class: 'n' }, String(w.busy)), h('div', { class: 'label' }, 'busy')),
      h('div', { class: 'card' }, h('div', { class: 'n' }, w.stopped ? 'stopped' : 'taking jobs'), h('div', { class: 'label' }, 'pool')));
    if (document.activeElement !== count) count.value = String(w.configured);
    fill(running, w.running.length === 0 ? h('p', { class: 'muted' }, 'No job is running.')
      : table(['Job', 'Run', 'Running for', 'Since'], w.running.map((r) => [jobLink(r.job), String(r.attempt),
        duration(r.running_for), time(r.started_at)])));
  }

  async function start() {
    try {
      const n = count.value ? Number(count.value) : undefined;
      show(await api.post('workers/start', n ? { count: n } : {}));
      fill(message, h('p', { class: 'ok' }, 'Taking jobs.'));
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  async function stop() {
    if (!(await confirmAction('Stop taking jobs?', 'Running jobs finish; no new job starts until you start the workers'
      + ' again. The switch is kept across restarts.', 'Stop'))) return;
    try {
      show(await api.post('workers/stop'));
      fill(message, h('p', { class: 'ok' }, 'Stopped taking jobs.'));
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  async function load() {
    try {
      show(await api.get('workers'));
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  const off = [ctx.live.on('status', (s) => show(s.workers)), ctx.live.on('reset', () => load())];
  load();
  return { unmount: () => off.forEach((f) => f()) };
}

// Dead letters: the jobs that failed every attempt (or were cancelled), newest first, with their
// last errors; retry or purge a selection, or all of them (purging asks first).
import { api } from '../api.js';
import { h, fill, oneLine, time, jobLink, table, number, throttle } from '../dom.js';
import { confirmAction } from '../confirm.js';

export function mount(main, ctx) {
  const limit = Number(ctx.query.get('limit') || 100);
  const error = h('div', { role: 'alert' });
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const list = h('div');
  const toolbar = h('div', { class: 'toolbar' });
  fill(main, h('h1', null, 'Dead letters'), error, message, ctx.canChange ? toolbar : null, list);

  let jobs = [];
  let total = 0;
  const selected = new Set();

  async function load() {
    try {
      const page = await api.get('jobs', { state: 'dead', newest_first: 'true', limit });
      jobs = page.jobs;
      total = page.total;
      for (const id of [...selected]) if (!jobs.some((j) => j.id === id)) selected.delete(id);
      fill(error);
      render();
    } catch (e) {
      fill(error, h('p', { class: 'error' }, e.message));
    }
  }

  function render() {
    if (ctx.canChange) renderToolbar();
    if (jobs.length === 0) {
      fill(list, h('p', { class: 'muted' }, 'The dead-letter queue is empty.'));
      return;
    }
    const all = h('input', { type: 'checkbox', 'aria-label': 'Select every job shown',
      checked: selected.size === jobs.length && jobs.length > 0 });
    all.addEventListener('change', () => {
      jobs.forEach((j) => (all.checked ? selected.add(j.id) : selected.delete(j.id)));
      render();
    });
    const rows = jobs.map((j) => {
      const box = h('input', { type: 'checkbox', 'aria-label': 'Select job ' + oneLine(j.id, 60), checked: selected.has(j.id) });
      box.addEventListener('change', () => {
        if (box.checked) selected.add(j.id);
        else selected.delete(j.id);
        renderToolbar();
      });
      const cells = [jobLink(j.id), { cell: String(j.attempts), class: 'num' }, time(j.updated_at),
        { cell: oneLine(j.command, 100), class: 'cmd' }, { cell: oneLine(j.last_error, 200), class: 'err' }];
      return ctx.canChange ? [box].concat(cells) : cells;
    });
    const headers = ['Job', { text: 'Attempts', class: 'num' }, 'Died at', 'Command', 'Last error'];
    fill(list, table(ctx.canChange ? [{ text: '', class: '' }].concat(headers) : headers, rows),
      h('p', { class: 'muted' }, number(jobs.length) + ' shown of ' + number(total) + ' dead jobs'
        + (total > jobs.length ? ' (newest first)' : '') + '.'));
    if (ctx.canChange) list.querySelector('thead th').appendChild(all);
  }

  function renderToolbar() {
    const n = selected.size;
    fill(toolbar,
      h('button', { type: 'button', class: 'primary', disabled: n === 0, dataset: { action: 'retry-selected' },
        onclick: () => bulk('retry', [...selected]) }, 'Retry selected (' + n + ')'),
      h('button', { type: 'button', class: 'danger', disabled: n === 0, dataset: { action: 'purge-selected' },
        onclick: () => bulk('purge', [...selected]) }, 'Purge selected (' + n + ')'),
      h('button', { type: 'button', disabled: total === 0, dataset: { action: 'retry-all' },
        onclick: () => bulk('retry', null) }, 'Retry all ' + number(total)),
      h('button', { type: 'button', class: 'danger', disabled: total === 0, dataset: { action: 'purge-all' },
        onclick: () => bulk('purge', null) }, 'Purge all ' + number(total)));
  }

  async function bulk(action, ids) {
    const what = ids ? ids.length + (ids.length === 1 ? ' job' : ' jobs') : 'every dead job (' + number(total) + ')';
    if (action === 'purge' && !(await confirmAction('Purge ' + what + '?',
      'The jobs, their history and their output are deleted. This cannot be undone.', 'Purge'))) return;
    try {
      const r = await api.post('dlq/' + action, ids ? { ids } : { all: true });
      const failed = r.failed || [];
      const verb = action === 'retry' ? 'Retried' : 'Purged';
      fill(message, h('p', { class: failed.length ? 'notice' : 'ok' }, verb + ' ' + number(r.count)
        + (r.count === 1 ? ' job.' : ' jobs.'), failed.map((f) => ' ' + oneLine(f.id, 60) + ': ' + oneLine(f.message, 200) + '.')));
      selected.clear();
      load();
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  const reload = throttle(load, 1000);
  const off = [
    ctx.live.on('jobs', (ev) => {
      if (ev.more || ev.changed.some((c) => c.state === 'dead' || c.state === 'deleted' || jobs.some((j) => j.id === c.id))) reload();
    }),
    ctx.live.on('reset', () => load()),
  ];
  load();
  return { unmount: () => off.forEach((f) => f()) };
}

// Dead letters: the jobs that failed every attempt (or were cancelled), newest first, with their
// last errors, narrowed by search text and labels; retry or purge a selection, or every job the
// filter matches (counted first with a dry run, and confirmed). The daemon applies each in one
// bulk request.
import { api } from '../api.js';
import { h, fill, oneLine, time, jobLink, table, number, throttle } from '../dom.js';
import { confirmAction } from '../confirm.js';

export function mount(main, ctx) {
  const limit = Number(ctx.query.get('limit') || 100);
  const search = ctx.query.get('search') || '';
  const labels = ctx.query.getAll('labels');
  const searchBox = h('input', { type: 'search', name: 'search', id: 'd-search', value: search, placeholder: 'id or command' });
  const labelBox = h('input', { type: 'text', name: 'labels', id: 'd-label', value: labels.join(' '), placeholder: 'key=value' });
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', { for: 'd-search' }, 'Search', searchBox), h('label', { for: 'd-label' }, 'Labels', labelBox),
    h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (searchBox.value.trim()) p.set('search', searchBox.value.trim());
    labelBox.value.split(/\s+/).filter((l) => l).forEach((l) => p.append('labels', l));
    ctx.navigate('/dead' + (p.toString() ? '?' + p : ''));
  });
  const filtered = search !== '' || labels.length > 0;
  // The filter of the bulk requests: dead jobs matching what the list shows.
  const filter = { state: 'dead' };
  if (search) filter.search = search;
  if (labels.length) filter.labels = labels;
  const error = h('div', { role: 'alert' });
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const list = h('div');
  const toolbar = h('div', { class: 'toolbar' });
  fill(main, h('h1', null, 'Dead letters'), form, error, message, ctx.canChange ? toolbar : null, list);

  let jobs = [];
  let total = 0;
  const selected = new Set();

  async function load() {
    try {
      const page = await api.get('jobs', Object.assign({ newest_first: 'true', limit }, filter));
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
      h('p', { class: 'muted' }, number(jobs.length) + ' shown'
        + (total === null || total === undefined ? ' (newest first)' : ' of ' + number(total) + ' dead jobs'
          + (total > jobs.length ? ' (newest first)' : '')) + '.'));
    if (ctx.canChange) list.querySelector('thead th').appendChild(all);
  }

  function renderToolbar() {
    const n = selected.size;
    fill(toolbar,
      h('button', { type: 'button', class: 'primary', disabled: n === 0, dataset: { action: 'retry-selected' },
        onclick: () => bulk('retry', [...selected]) }, 'Retry selected (' + n + ')'),
      h('button', { type: 'button', class: 'danger', disabled: n === 0, dataset: { action: 'purge-selected' },
        onclick: () => bulk('purge', [...selected]) }, 'Purge selected (' + n + ')'),
      h('button', { type: 'button', disabled: jobs.length === 0, dataset: { action: 'retry-all' },
        onclick: () => bulk('retry', null) }, filtered ? 'Retry all matching' : 'Retry all ' + number(total)),
      h('button', { type: 'button', class: 'danger', disabled: jobs.length === 0, dataset: { action: 'purge-all' },
        onclick: () => bulk('purge', null) }, filtered ? 'Purge all matching' : 'Purge all ' + number(total)));
  }

  async function bulk(action, ids) {
    const verb = action === 'retry' ? 'Retry' : 'Purge';
    const target = ids ? { ids } : { filter };
    try {
      let what = ids ? ids.length + (ids.length === 1 ? ' job' : ' jobs') : null;
      if (!ids) {
        const preview = await api.post('dlq/' + action, Object.assign({ dry_run: true }, target));
        what = number(preview.count) + (preview.count === 1 ? ' dead job' : ' dead jobs')
          + (filtered ? ' matching the filter' : '');
      }
      const why = action === 'purge' ? 'The jobs, their history and their output are deleted. This cannot be undone.'
        : 'The jobs go back to pending with their attempts reset (history kept).';
      if ((action === 'purge' || !ids) && !(await confirmAction(verb + ' ' + what + '?', why, verb))) return;
      const r = await api.post('dlq/' + action, target);
      fill(message, h('p', { class: r.skipped || (r.not_found || []).length ? 'notice' : 'ok' },
        (action === 'retry' ? 'Retried ' : 'Purged ') + number(r.count) + (r.count === 1 ? ' job.' : ' jobs.'),
        r.skipped ? ' ' + number(r.skipped) + ' skipped: no longer dead.' : null,
        (r.not_found || []).length ? ' Gone already: ' + r.not_found.map((i) => oneLine(i, 60)).join(', ') + '.' : null));
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

// Jobs: a page of jobs with the filters the daemon's list understands; each row links to its
// job. Paging follows the daemon's cursor where it gives one. Rows refresh when one of the jobs
// shown changes or jobs are added (at most once a second).
import { api } from '../api.js';
import { h, fill, oneLine, time, badge, jobLink, table, number, throttle } from '../dom.js';

const STATES = ['pending', 'processing', 'completed', 'failed', 'dead'];

export function mount(main, ctx) {
  const q = ctx.query;
  const filter = {
    state: q.get('state') || '',
    newest_first: q.get('newest_first') === 'true',
    limit: q.get('limit') || '100',
    cursor: q.get('cursor') || '',
    search: q.get('search') || '',
    labels: q.getAll('labels'),
  };
  const results = h('div', { 'aria-live': 'polite' });
  const error = h('div', { role: 'alert' });
  const stateSelect = h('select', { name: 'state', id: 'f-state' },
    h('option', { value: '' }, 'any state'), STATES.map((s) => h('option', { value: s, selected: filter.state === s }, s)));
  const order = h('select', { name: 'newest_first', id: 'f-order' },
    h('option', { value: 'false' }, 'oldest first'), h('option', { value: 'true', selected: filter.newest_first }, 'newest first'));
  const limit = h('select', { name: 'limit', id: 'f-limit' },
    ['50', '100', '500', '1000'].map((n) => h('option', { value: n, selected: filter.limit === n }, n)));
  // Filters the daemon's list takes beyond the state (newer daemons): shown only when it does.
  const search = ctx.listFields.has('search')
    ? h('input', { type: 'search', name: 'search', id: 'f-search', value: filter.search, placeholder: 'id or command' }) : null;
  const label = ctx.listFields.has('labels')
    ? h('input', { type: 'text', name: 'labels', id: 'f-label', value: filter.labels.join(' '), placeholder: 'key=value' }) : null;
  const form = h('form', { class: 'filters', role: 'search' },
    h('label', { for: 'f-state' }, 'State', stateSelect),
    search ? h('label', { for: 'f-search' }, 'Search', search) : null,
    label ? h('label', { for: 'f-label' }, 'Labels', label) : null,
    h('label', { for: 'f-order' }, 'Order', order),
    h('label', { for: 'f-limit' }, 'Per page', limit),
    h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    if (stateSelect.value) p.set('state', stateSelect.value);
    if (search && search.value.trim()) p.set('search', search.value.trim());
    if (label) label.value.split(/\s+/).filter((l) => l).forEach((l) => p.append('labels', l));
    if (order.value === 'true') p.set('newest_first', 'true');
    if (limit.value !== '100') p.set('limit', limit.value);
    ctx.navigate('/jobs' + (p.toString() ? '?' + p : ''));
  });
  fill(main, h('h1', null, 'Jobs'), form, error, results);

  let shown = new Set();
  async function load() {
    const params = { limit: filter.limit, newest_first: filter.newest_first ? 'true' : null, cursor: filter.cursor || null };
    if (filter.state) params.state = filter.state;
    if (filter.search) params.search = filter.search;
    if (filter.labels.length) params.labels = filter.labels;
    try {
      const page = await api.get('jobs', params);
      fill(error);
      render(page);
    } catch (e) {
      fill(error, h('p', { class: 'error' }, e.message));
    }
  }

  function render(page) {
    shown = new Set(page.jobs.map((j) => j.id));
    const rows = page.jobs.map((j) => [
      jobLink(j.id), [badge(j.state), j.held ? h('span', { class: 'muted', title: 'held: it will not start until'
        + ' it is released' }, ' held') : null],
      { cell: j.attempts + '/' + (j.max_retries + 1), class: 'num' },
      { cell: String(j.priority), class: 'num' }, time(j.run_at), time(j.updated_at),
      { cell: oneLine(j.command, 120), class: 'cmd' }, labels(j.labels),
      { cell: oneLine(j.why_waiting ? j.why_waiting.message : j.last_error, 120), class: 'err' },
    ]);
    const counted = page.total === null || page.total === undefined ? ''
      : ' of ' + number(page.total) + ' matching';
    const pager = h('div', { class: 'pager' },
      h('span', { class: 'muted' }, page.jobs.length === 0 ? 'No jobs match.'
        : number(page.jobs.length) + ' shown' + counted));
    if (filter.cursor) {
      pager.appendChild(h('a', { href: pageUrl(null) }, 'First page'));
    }
    if (page.next) {
      pager.appendChild(h('a', { href: pageUrl(page.next), rel: 'next' }, 'Next page'));
    } else if (page.total !== null && page.total > page.jobs.length && !filter.cursor) {
      pager.appendChild(h('span', { class: 'muted' }, 'Narrow the filter, or show more per page, to see the rest.'));
    }
    fill(results, rows.length ? table(['Job', 'State', { text: 'Attempts', class: 'num' }, { text: 'Priority', class: 'num' },
      'Run at', 'Updated', 'Command', 'Labels', 'Waiting / last error'], rows) : null, pager);
  }

  function labels(m) {
    const entries = Object.entries(m || {});
    return entries.map(([k, v]) => h('a', { class: 'tag', href: '/jobs?labels=' + encodeURIComponent(k + '=' + v) },
      oneLine(k + '=' + v, 60)));
  }

  function pageUrl(cursor) {
    const p = new URLSearchParams(location.search);
    if (cursor) p.set('cursor', cursor);
    else p.delete('cursor');
    return '/jobs' + (p.toString() ? '?' + p : '');
  }

  const reload = throttle(load, 1000);
  const off = [
    ctx.live.on('jobs', (ev) => {
      const mine = ev.changed.some((c) => shown.has(c.id) || (filter.state && c.state === filter.state));
      if (mine || ev.more || (ev.enqueued > 0 && !filter.cursor)) reload();
    }),
    ctx.live.on('reset', () => load()),
  ];
  load();
  return { unmount: () => off.forEach((f) => f()) };
}

// Jobs: a page of jobs with the filters the daemon's list understands (states, labels, search,
// created since/until); each row links to its job. Paging follows the daemon's cursor where it
// gives one. Rows refresh when one of the jobs shown changes or jobs are added (at most once a
// second). Read-write sessions select rows, or every job the filter matches, for bulk actions.
import { api } from '../api.js';
import { h, fill, oneLine, time, badge, jobLink, table, number, throttle } from '../dom.js';
import { timeOrAgo } from '../times.js';
import { bulkBar } from './jobs-bulk.js';

const STATES = ['pending', 'processing', 'completed', 'failed', 'dead'];

export function mount(main, ctx) {
  const q = ctx.query;
  const filter = {
    states: q.getAll('state').filter((s) => STATES.includes(s)),
    newest_first: q.get('newest_first') === 'true',
    limit: q.get('limit') || '100',
    cursor: q.get('cursor') || '',
    search: q.get('search') || '',
    labels: q.getAll('labels'),
    since: q.get('since') || '',
    until: q.get('until') || '',
  };
  const results = h('div', { 'aria-live': 'polite' });
  const error = h('div', { role: 'alert' });
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const stateBoxes = STATES.map((s) => h('input', { type: 'checkbox', name: 'state', value: s, id: 'f-state-' + s,
    checked: filter.states.includes(s) }));
  const states = h('fieldset', { class: 'states', id: 'f-states' }, h('legend', null, 'States (none: any)'),
    stateBoxes.map((b) => h('label', { class: 'inline', for: b.id }, b, b.value)));
  const order = h('select', { name: 'newest_first', id: 'f-order' },
    h('option', { value: 'false' }, 'oldest first'), h('option', { value: 'true', selected: filter.newest_first }, 'newest first'));
  const limit = h('select', { name: 'limit', id: 'f-limit' },
    ['50', '100', '500', '1000'].map((n) => h('option', { value: n, selected: filter.limit === n }, n)));
  // Filters the daemon's list takes beyond the state (newer daemons): shown only when it does.
  const search = ctx.listFields.has('search')
    ? h('input', { type: 'search', name: 'search', id: 'f-search', value: filter.search, placeholder: 'id or command' }) : null;
  const label = ctx.listFields.has('labels')
    ? h('input', { type: 'text', name: 'labels', id: 'f-label', value: filter.labels.join(' '), placeholder: 'key=value' }) : null;
  const timeField = (name, title, value) => {
    if (!ctx.listFields.has(name)) return { input: null, err: null, node: null };
    const err = h('span', { class: 'field-error', id: 'f-' + name + '-error', role: 'alert' });
    const input = h('input', { type: 'text', name, id: 'f-' + name, value, placeholder: '2h, or 2026-11-23 10:00',
      'aria-describedby': err.id });
    return { input, err, node: h('label', { for: input.id }, title, input, err) };
  };
  const since = timeField('since', 'Created since', filter.since);
  const until = timeField('until', 'Created before', filter.until);
  const form = h('form', { class: 'filters', role: 'search' }, states,
    search ? h('label', { for: 'f-search' }, 'Search', search) : null,
    label ? h('label', { for: 'f-label' }, 'Labels', label) : null,
    since.node, until.node,
    h('label', { for: 'f-order' }, 'Order', order),
    h('label', { for: 'f-limit' }, 'Per page', limit),
    h('button', { type: 'submit', class: 'primary' }, 'Show'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const p = new URLSearchParams();
    stateBoxes.filter((b) => b.checked).forEach((b) => p.append('state', b.value));
    if (search && search.value.trim()) p.set('search', search.value.trim());
    if (label) label.value.split(/\s+/).filter((l) => l).forEach((l) => p.append('labels', l));
    let bad = null;
    for (const [f, flag] of [[since, '--since'], [until, '--until']]) {
      if (!f.input) continue;
      fill(f.err);
      f.input.removeAttribute('aria-invalid');
      if (!f.input.value.trim()) continue;
      try {
        p.set(f.input.name, timeOrAgo(flag, f.input.value));
      } catch (err) {
        fieldError(f, err.message);
        bad = bad || f.input;
      }
    }
    if (bad) {
      bad.focus();
      return;
    }
    if (order.value === 'true') p.set('newest_first', 'true');
    if (limit.value !== '100') p.set('limit', limit.value);
    ctx.navigate('/jobs' + (p.toString() ? '?' + p : ''));
  });

  function fieldError(f, text) {
    fill(f.err, text);
    f.input.setAttribute('aria-invalid', 'true');
  }

  const selected = new Map();
  let allMatching = false;
  let total = null;
  /** The bulk filter: what the list shows, without its paging. */
  const bulkFilter = {};
  if (filter.states.length) bulkFilter.state = filter.states;
  if (filter.search) bulkFilter.search = filter.search;
  if (filter.labels.length) bulkFilter.labels = filter.labels;
  if (filter.since) bulkFilter.since = filter.since;
  if (filter.until) bulkFilter.until = filter.until;
  const canBulk = ctx.canChange && ['cancel', 'hold', 'release', 'rerun'].some((o) => ctx.ops.has(o));
  const bulk = canBulk ? bulkBar(ctx, () => (allMatching
    ? { ids: null, filter: Object.keys(bulkFilter).length ? bulkFilter : null,
      states: filter.states.length ? filter.states : STATES, total }
    : { ids: [...selected.keys()], jobs: [...selected.values()] }), {
    done: () => { selected.clear(); allMatching = false; load(); },
    say: (node) => fill(message, node),
  }) : null;
  fill(main, h('h1', null, 'Jobs'), form, error, message, bulk ? bulk.element : null, results);

  let shown = new Set();
  async function load() {
    const params = { limit: filter.limit, newest_first: filter.newest_first ? 'true' : null, cursor: filter.cursor || null };
    if (filter.states.length) params.state = filter.states;
    if (filter.search) params.search = filter.search;
    if (filter.labels.length) params.labels = filter.labels;
    if (filter.since) params.since = filter.since;
    if (filter.until) params.until = filter.until;
    try {
      const page = await api.get('jobs', params);
      fill(error);
      render(page);
    } catch (e) {
      // since/until refused by the daemon (out of range, or not in order): say so beside the field
      const f = /'until'|field 'until'/.test(e.message) ? until : (/'since'/.test(e.message) ? since : null);
      if (f && f.input) fieldError(f, e.message);
      else fill(error, h('p', { class: 'error' }, e.message));
    }
  }

  function render(page) {
    shown = new Set(page.jobs.map((j) => j.id));
    total = page.total === undefined ? null : page.total;
    for (const id of [...selected.keys()]) {
      const now = page.jobs.find((x) => x.id === id);
      if (now) selected.set(id, now);
      else selected.delete(id);
    }
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
    const headers = ['Job', 'State', { text: 'Attempts', class: 'num' }, { text: 'Priority', class: 'num' },
      'Run at', 'Updated', 'Command', 'Labels', 'Waiting / last error'];
    if (canBulk) {
      page.jobs.forEach((j, i) => rows[i].unshift(checkbox(j)));
      headers.unshift({ text: '', class: 'pick' });
    }
    fill(results, rows.length ? table(headers, rows) : null, pager);
    if (canBulk && rows.length) results.querySelector('thead th').append(selectShown(page), selectMatching(page));
    if (bulk) bulk.render();
  }

  function checkbox(j) {
    const box = h('input', { type: 'checkbox', class: 'pick', 'aria-label': 'Select job ' + oneLine(j.id, 60),
      checked: allMatching || selected.has(j.id), disabled: allMatching });
    box.addEventListener('change', () => {
      if (box.checked) selected.set(j.id, j);
      else selected.delete(j.id);
      bulk.render();
    });
    return box;
  }

  function selectShown(page) {
    const all = h('input', { type: 'checkbox', id: 'pick-shown', 'aria-label': 'Select every job shown',
      checked: allMatching || (page.jobs.length > 0 && page.jobs.every((j) => selected.has(j.id))), disabled: allMatching });
    all.addEventListener('change', () => {
      page.jobs.forEach((j) => (all.checked ? selected.set(j.id, j) : selected.delete(j.id)));
      render(page);
    });
    return all;
  }

  function selectMatching(page) {
    const b = h('button', { type: 'button', class: 'link', id: 'pick-matching', 'aria-pressed': String(allMatching) },
      allMatching ? 'Clear selection' : 'All matching');
    b.addEventListener('click', () => {
      allMatching = !allMatching;
      selected.clear();
      render(page);
      document.getElementById('pick-matching').focus();
    });
    return b;
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
      const mine = ev.changed.some((c) => shown.has(c.id) || filter.states.includes(c.state));
      if (mine || ev.more || (ev.enqueued > 0 && !filter.cursor)) reload();
    }),
    ctx.live.on('reset', () => load()),
  ];
  load();
  return { unmount: () => off.forEach((f) => f()) };
}

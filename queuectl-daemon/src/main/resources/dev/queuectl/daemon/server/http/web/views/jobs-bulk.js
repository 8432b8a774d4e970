// The Jobs page's bulk actions: cancel, hold, release and rerun the selected jobs, or every job
// the page's filter matches, each as one POST /api/v1/bulk/ACTION. An action is offered only when
// it applies to a job in scope (the selected jobs' states, or the filter's states); cancel, and
// any action over the whole filter, is counted with a dry run and confirmed first.
import { api } from '../api.js';
import { h, fill, number } from '../dom.js';
import { confirmAction } from '../confirm.js';

const ACTIONS = [
  { name: 'cancel', label: 'Cancel', danger: true, states: ['pending', 'processing', 'failed'], done: 'Cancelled',
    why: 'Pending and failed jobs move to the dead-letter queue; running ones are stopped (SIGTERM, then SIGKILL) first.' },
  { name: 'hold', label: 'Hold', states: ['pending', 'failed'], held: false, done: 'Held',
    why: 'They stay in their state but will not start until released.' },
  { name: 'release', label: 'Release', states: ['pending', 'failed'], held: true, done: 'Released',
    why: 'They may start again once due.' },
  { name: 'rerun', label: 'Rerun', states: ['completed', 'dead'], done: 'Sent back to pending',
    why: 'They go back to pending with their attempts reset (history kept).' },
];

function applies(a, job) {
  return a.states.includes(job.state) && (a.held === undefined || job.held === a.held);
}

function jobs(n) {
  return number(n) + (n === 1 ? ' job' : ' jobs');
}

/**
 * The toolbar for a page of jobs. scope() answers the selection: {ids, jobs} for selected rows,
 * or {filter, states} for every job matching the filter (states: the filter's, or all of them).
 * done() is called after an action so the page reloads; say(node) shows the outcome.
 */
export function bulkBar(ctx, scope, { done, say }) {
  const bar = h('div', { class: 'toolbar', id: 'bulk', 'aria-label': 'Act on the selected jobs' });
  const offered = ACTIONS.filter((a) => ctx.ops.has(a.name));

  function render() {
    const s = scope();
    const buttons = offered.filter((a) => (s.ids ? s.jobs.some((j) => applies(a, j))
      : a.states.some((st) => s.states.includes(st))));
    const what = s.ids ? jobs(s.ids.length) + ' selected' : 'All ' + (s.total == null ? '' : number(s.total) + ' ')
      + 'jobs matching the filter';
    fill(bar, h('span', { class: 'muted', id: 'bulk-scope' }, what),
      buttons.map((a) => h('button', { type: 'button', class: a.danger ? 'danger' : null,
        dataset: { action: 'bulk-' + a.name }, onclick: () => run(a, s) }, a.label + (s.ids ? ' selected' : ' all matching'))));
    bar.hidden = s.ids !== null && s.ids.length === 0;
  }

  async function run(a, s) {
    const target = s.ids ? { ids: s.ids } : (s.filter ? { filter: s.filter } : { all: true });
    try {
      if (a.danger || !s.ids) {
        const preview = await api.post('bulk/' + a.name, Object.assign({ dry_run: true }, target));
        if (preview.count === 0) {
          say(h('p', { class: 'notice' }, 'Nothing to ' + a.label.toLowerCase() + ': none of these jobs is in a state it'
            + ' applies to.'));
          return;
        }
        const skipped = preview.skipped ? ' ' + jobs(preview.skipped) + ' will be skipped because of their state.' : '';
        if (!(await confirmAction(a.label + ' ' + jobs(preview.count) + '?', a.why + skipped, a.label))) return;
      }
      const r = await api.post('bulk/' + a.name, target);
      say(h('p', { class: r.skipped || (r.not_found || []).length ? 'notice' : 'ok', id: 'bulk-result' },
        a.done + ' ' + jobs(r.count) + '.',
        r.skipped ? ' ' + jobs(r.skipped) + ' skipped because of their state.' : null,
        (r.not_found || []).length ? ' Gone already: ' + number(r.not_found.length) + '.' : null));
      done();
    } catch (e) {
      say(h('p', { class: 'error' }, e.message));
    }
  }

  return { element: bar, render };
}

// One job: every field (environment values never: names only), its directory and labels,
// whether it is held and why it is not running yet, its runs, the output of any run with a live
// tail while it runs, and the actions its state allows (destructive ones after a confirmation,
// edits in a form). Read-only sessions get no actions.
import { api } from '../api.js';
import { h, fill, oneLine, block, time, duration, badge, table, number } from '../dom.js';
import { confirmAction } from '../confirm.js';
import { actionsFor } from './job-actions.js';
import { editForm } from './job-edit.js';

const SHOWN = ['id', 'command', 'state', 'attempts', 'max_retries', 'priority', 'run_at', 'timeout', 'created_at',
  'updated_at', 'started_at', 'finished_at', 'exit_code', 'last_error', 'history', 'why_waiting', 'cwd', 'env_names',
  'env', 'labels', 'held'];
const OUTPUT_LIMIT = 4 * 1024 * 1024;

export function mount(main, ctx) {
  const id = ctx.params[0];
  const title = h('h1', null, oneLine(id, 200));
  const why = h('p', { class: 'notice', hidden: true });
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const actions = h('div', { class: 'actions' });
  const editing = h('div');
  const fields = h('dl', { class: 'fields' });
  const runs = h('div');
  const outputTitle = h('h2', { id: 'h-output' }, 'Output');
  const outputNote = h('p', { class: 'muted' });
  const output = h('pre', { class: 'output', tabindex: '0', 'aria-labelledby': 'h-output', id: 'output' });
  fill(main, title, message, why, actions, editing, h('div', { class: 'panel' }, fields),
    h('h2', null, 'Runs'), runs, outputTitle, outputNote, output);

  let job = null;
  let status = null;
  let shownAttempt = null;
  let pinned = false;
  let text = '';
  let nextOffset = 0;
  let loading = false;

  async function load() {
    try {
      job = await api.get('jobs/' + encodeURIComponent(id));
      render();
    } catch (e) {
      if (e.code === 'NOT_FOUND') {
        fill(main, h('h1', null, oneLine(id, 200)), h('p', { class: 'notice' }, 'This job does not exist (any more): '
          + e.message), h('p', null, h('a', { href: '/jobs' }, 'All jobs')));
        job = null;
        return;
      }
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  function render() {
    fill(title, oneLine(job.id, 200), ' ', badge(job.state));
    renderWhy();
    renderActions();
    const rows = [
      ['command', h('pre', { class: 'block' }, block(job.command))],
      ['attempts', job.attempts + ' of at most ' + (job.max_retries + 1) + ' (max_retries ' + job.max_retries + ')'],
      ['priority', String(job.priority)], ['run at', time(job.run_at)],
      ['timeout', job.timeout == null ? 'job_timeout (daemon default)' : duration(job.timeout)],
      ['created', time(job.created_at)], ['updated', time(job.updated_at)], ['started', time(job.started_at)],
      ['finished', time(job.finished_at)], ['exit code', job.exit_code == null ? '—' : String(job.exit_code)],
      ['last error', job.last_error ? h('pre', { class: 'block' }, block(job.last_error)) : '—'],
      ['directory', job.cwd ? h('span', { class: 'mono', id: 'f-cwd' }, oneLine(job.cwd, 500))
        : h('span', { class: 'muted' }, "the daemon user's home (none given)")],
      ['environment', envNames(job)],
      ['labels', labelTags(job.labels)],
    ];
    if (job.state === 'pending' || job.state === 'failed') {
      rows.push(['held', job.held ? 'yes: it will not start until it is released' : 'no']);
    }
    for (const [k, v] of Object.entries(job)) {
      if (SHOWN.includes(k) || v === null || v === undefined) continue;
      rows.push([k.replace(/_/g, ' '), extra(k, v)]);
    }
    fill(fields, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, typeof v === 'string' ? oneLine(v, 500) : v)]));
    const history = job.history || [];
    fill(runs, history.length === 0 ? h('p', { class: 'muted' }, 'No runs yet.') : table(
      ['#', 'Started', 'Finished', { text: 'Took', class: 'num' }, 'Outcome', { text: 'Exit', class: 'num' }, 'Error', ''],
      history.slice().reverse().map((a) => [
        String(a.attempt), time(a.started_at), time(a.finished_at),
        { cell: a.finished_at ? duration((Date.parse(a.finished_at) - Date.parse(a.started_at)) / 1000) : 'running', class: 'num' },
        a.outcome || 'running', { cell: a.exit_code == null ? '—' : String(a.exit_code), class: 'num' },
        { cell: oneLine(a.error, 160), class: 'err' },
        h('button', { type: 'button', class: 'link', onclick: () => showOutput(a.attempt, a.attempt !== history[history.length - 1].attempt),
          'aria-label': 'Show the output of run ' + a.attempt }, 'Output'),
      ])));
    const latest = history.length ? history[history.length - 1].attempt : null;
    if (latest === null) {
      fill(outputNote, 'No output: the job has not run yet.');
    } else if (shownAttempt === null || (!pinned && latest !== shownAttempt)) {
      showOutput(latest, false);
    }
  }

  function envNames(j) {
    const names = j.env_names && j.env_names.length ? j.env_names : Object.keys(j.env || {});
    if (!names.length) return h('span', { class: 'muted' }, "none beyond the daemon's");
    return h('span', { id: 'f-env' }, names.map((n) => oneLine(n, 100)).join(', '), h('span', { class: 'muted' },
      ' (values hidden)'));
  }

  function labelTags(labels) {
    const entries = Object.entries(labels || {});
    if (!entries.length) return h('span', { class: 'muted' }, 'none');
    return h('span', { id: 'f-labels' }, entries.map(([k, v]) => h('a', { class: 'tag',
      href: '/jobs?labels=' + encodeURIComponent(k + '=' + v) }, oneLine(k + '=' + v, 120))));
  }

  function extra(key, v) {
    if (Array.isArray(v)) return v.map((x) => oneLine(typeof x === 'object' ? JSON.stringify(x) : String(x), 200)).join(', ') || 'none';
    if (typeof v === 'object') return oneLine(JSON.stringify(v), 500);
    if (/_at$/.test(key)) return time(v);
    return oneLine(String(v), 500);
  }

  function renderWhy() {
    let reason = null;
    if (job.state === 'pending' || job.state === 'failed') {
      const due = Date.parse(job.run_at);
      if (job.why_waiting) {
        fill(why, oneLine(job.why_waiting.message, 300), job.why_waiting.until ? [' (', time(job.why_waiting.until), ')'] : null);
        why.hidden = false;
        return;
      }
      if (due > Date.now()) reason = (job.state === 'failed' ? 'Waiting to retry: not due until ' : 'Not due until ');
      else if (status && status.workers.stopped) reason = 'Waiting: the workers are stopped (worker start).';
      else if (status && status.workers.busy >= status.workers.configured) {
        reason = 'Waiting for a free worker (' + status.workers.busy + ' of ' + status.workers.configured + ' busy).';
      } else reason = 'Due now: about to start.';
      fill(why, reason, reason.endsWith('until ') ? time(job.run_at) : null);
    }
    why.hidden = reason === null;
  }

  function renderActions() {
    fill(actions);
    if (!ctx.canChange) return;
    for (const a of actionsFor(job, ctx.ops)) {
      actions.appendChild(h('button', { type: 'button', class: a.danger ? 'danger' : 'primary', dataset: { action: a.name },
        onclick: () => act(a) }, a.label));
    }
  }

  async function act(a) {
    if (a.form) {
      openEditor();
      return;
    }
    if (a.confirm && !(await confirmAction(a.label + ' ' + oneLine(id, 60) + '?', a.confirm, a.label))) return;
    try {
      if (a.method === 'DELETE') await api.del('jobs/' + encodeURIComponent(id));
      else await api.post('jobs/' + encodeURIComponent(id) + '/' + a.name);
      fill(message, h('p', { class: 'ok' }, a.done));
      if (a.name === 'purge') return;
      shownAttempt = null;
      pinned = false;
      await load();
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  function openEditor() {
    fill(editing, editForm(job, {
      save: async (body) => {
        await api.post('jobs/' + encodeURIComponent(id) + '/edit', body);
        fill(editing);
        fill(message, h('p', { class: 'ok' }, 'Saved.'));
        await load();
      },
      fail: (text) => fill(message, text ? h('p', { class: 'error' }, text) : null),
      close: () => fill(editing),
    }));
    const first = editing.querySelector('textarea');
    if (first) first.focus();
  }

  async function showOutput(attempt, pin) {
    ctx.live.setFollow(null);
    shownAttempt = attempt;
    pinned = pin;
    text = '';
    nextOffset = 0;
    loading = true;
    fill(outputTitle, 'Output of run ' + attempt);
    fill(output);
    fill(outputNote, 'Loading…');
    try {
      let chunk;
      do {
        chunk = await api.get('jobs/' + encodeURIComponent(id) + '/logs', { attempt, offset: nextOffset });
        if (shownAttempt !== attempt) return;
        append(chunk);
      } while (chunk.data.length > 0 && text.length < OUTPUT_LIMIT);
      note(chunk);
      if (chunk.running) ctx.live.setFollow(id, attempt, nextOffset);
    } catch (e) {
      fill(outputNote, e.message);
    } finally {
      loading = false;
    }
  }

  function append(chunk) {
    nextOffset = chunk.next_offset;
    if (!chunk.data) return;
    text += chunk.data;
    const atBottom = output.scrollTop + output.clientHeight >= output.scrollHeight - 8;
    output.appendChild(document.createTextNode(block(chunk.data)));
    if (atBottom) output.scrollTop = output.scrollHeight;
  }

  function note(chunk) {
    const parts = [];
    if (chunk.running) parts.push('Live: new output appears as the run writes it.');
    if (chunk.dropped > 0) parts.push(number(chunk.dropped) + ' bytes at the start were dropped (output-limit).');
    if (!text) parts.push(chunk.running ? 'No output yet.' : 'This run printed nothing.');
    fill(outputNote, parts.join(' '));
  }

  const off = [
    ctx.live.on('log', (c) => {
      if (c.id !== id || c.attempt !== shownAttempt || loading) return;
      if (c.offset !== nextOffset) {
        if (c.next_offset > nextOffset) showOutput(shownAttempt, pinned); // a gap: read it again
        return;
      }
      append(c);
      note(c);
      if (!c.running && !c.data) {
        ctx.live.setFollow(null);
        load();
      }
    }),
    ctx.live.on('jobs', (ev) => {
      if (ev.changed.some((c) => c.id === id) || ev.more) load();
    }),
    ctx.live.on('status', (s) => {
      status = s;
      if (job) renderWhy();
    }),
    ctx.live.on('reset', () => load()),
  ];
  api.get('status').then((s) => {
    status = s;
    if (job) renderWhy();
  }).catch(() => {});
  load();
  return { unmount: () => { off.forEach((f) => f()); ctx.live.setFollow(null); } };
}

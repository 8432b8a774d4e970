// The edit form of a pending, held or failed job: command, priority, retries, labels, working
// directory, environment (add or replace variables, remove them by name: values are never shown
// back), run at or delay, and timeout. Only the fields that changed are sent (the daemon refuses
// an edit that changes nothing, and a job that started meanwhile); the daemon validates them as
// it does for the CLI's `edit`, and its complaint is shown beside the field it names.
import { h, fill, oneLine } from '../dom.js';
import { absoluteTime } from '../times.js';

/** An input error that belongs to one field of the form. */
class FieldError extends Error {
  constructor(field, message) {
    super(message);
    this.field = field;
  }
}

function labelText(labels) {
  return Object.entries(labels || {}).map(([k, v]) => k + '=' + v).join(' ');
}

/** Parses "k=v k2=v2" into a map; throws with a sentence when a word is not key=value. */
function parseLabels(text) {
  const out = {};
  for (const word of text.split(/\s+/).filter((w) => w)) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new FieldError('labels', 'Labels are key=value words separated by spaces; "' + word + '" is not one.');
    out[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return out;
}

/** Parses NAME=value lines (the value may hold anything but a line break), as --env takes them. */
function parseEnv(text) {
  const out = {};
  for (const line of text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim())) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new FieldError('env', 'One variable per line, NAME=value; "' + oneLine(line, 40) + '" is not one.');
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function timeoutText(seconds) {
  return seconds == null ? '' : String(seconds) + 's';
}

/** The fields of an edit request that differ from the job; an empty object when nothing does. */
function changes(job, v) {
  const body = {};
  for (const n of ['priority', 'max_retries']) {
    if (!/^-?\d+$/.test(v[n].trim())) throw new FieldError(n, "'" + v[n] + "' is not a whole number");
  }
  if (v.command !== job.command) body.command = v.command;
  if (Number(v.priority) !== job.priority) body.priority = Number(v.priority);
  if (Number(v.max_retries) !== job.max_retries) body.max_retries = Number(v.max_retries);
  const before = job.labels || {};
  const after = parseLabels(v.labels);
  const set = {};
  for (const [k, val] of Object.entries(after)) if (before[k] !== val) set[k] = val;
  const unset = Object.keys(before).filter((k) => !(k in after));
  if (Object.keys(set).length) body.labels = set;
  if (unset.length) body.unset_labels = unset;
  const unsetFields = [];
  const cwd = v.cwd.trim();
  if (cwd && cwd !== (job.cwd || '')) body.cwd = cwd;
  if (!cwd && job.cwd) unsetFields.push('cwd');
  const env = parseEnv(v.env);
  if (Object.keys(env).length) body.env = env;
  if (v.unset_env.length) body.unset_env = v.unset_env;
  if (v.run_at.trim() && v.delay.trim()) throw new FieldError('delay', 'give either a delay or a run-at time, not both');
  if (v.run_at.trim()) {
    const at = absoluteTime(v.run_at);
    if (!at) throw new FieldError('run_at', "'" + v.run_at + "' is not a time (2026-11-23T10:00:00Z, 2026-11-23 10:00)");
    body.run_at = at;
  }
  if (v.delay.trim()) body.delay = v.delay.trim();
  if (v.default_timeout) {
    if (job.timeout != null) unsetFields.push('timeout');
  } else if (v.timeout.trim() && v.timeout.trim() !== timeoutText(job.timeout)) {
    body.timeout = v.timeout.trim();
  } else if (!v.timeout.trim() && job.timeout != null) {
    unsetFields.push('timeout');
  }
  if (unsetFields.length) body.unset = unsetFields;
  return body;
}

/** The form field a daemon complaint is about ("field 'timeout': ..."), or null. */
function fieldOf(message) {
  const m = /field '(\w+)'/.exec(message) || /'(run_at|delay)'/.exec(message);
  if (!m) return null;
  return { unset_labels: 'labels', unset_env: 'env' }[m[1]] || m[1];
}

/**
 * A form for the job; save(body) is called with the changed fields and returns a promise that
 * rejects with the daemon's error, fail(message) shows a complaint about the form as a whole,
 * close() dismisses it.
 */
export function editForm(job, { save, fail, close }) {
  const errors = {};
  const field = (name, title, input, hint) => {
    errors[name] = h('span', { class: 'field-error', id: 'e-' + name + '-error', role: 'alert' });
    input.setAttribute('aria-describedby', errors[name].id);
    return h('label', { for: input.id }, title, input, hint ? h('span', { class: 'muted' }, hint) : null, errors[name]);
  };
  const inputs = {
    command: h('textarea', { name: 'command', id: 'e-command', rows: 3, required: true }),
    priority: h('input', { type: 'number', name: 'priority', id: 'e-priority', value: job.priority, required: true }),
    max_retries: h('input', { type: 'number', name: 'max_retries', id: 'e-retries', min: 0, value: job.max_retries,
      required: true }),
    labels: h('input', { type: 'text', name: 'labels', id: 'e-labels', value: labelText(job.labels),
      placeholder: 'key=value key2=value2' }),
    cwd: h('input', { type: 'text', name: 'cwd', id: 'e-cwd', value: job.cwd || '', placeholder: '/absolute/path',
      autocomplete: 'off' }),
    env: h('textarea', { name: 'env', id: 'e-env', rows: 2, autocomplete: 'off', spellcheck: 'false',
      placeholder: 'NAME=value, one per line' }),
    run_at: h('input', { type: 'text', name: 'run_at', id: 'e-run-at', placeholder: '2026-11-23 10:00' }),
    delay: h('input', { type: 'text', name: 'delay', id: 'e-delay', placeholder: '30s, 5m' }),
    timeout: h('input', { type: 'text', name: 'timeout', id: 'e-timeout', value: timeoutText(job.timeout),
      placeholder: '90s, 1h' }),
  };
  inputs.command.value = job.command;
  const defaultTimeout = h('input', { type: 'checkbox', id: 'e-timeout-default', checked: job.timeout == null });
  const envNames = job.env_names && job.env_names.length ? job.env_names : Object.keys(job.env || {});
  const unsetBoxes = envNames.map((n, i) => h('input', { type: 'checkbox', id: 'e-unset-env-' + i, value: n }));
  const form = h('form', { class: 'edit panel', id: 'edit-form', 'aria-label': 'Edit the job', novalidate: true },
    field('command', 'Command', inputs.command),
    h('div', { class: 'filters' },
      field('priority', 'Priority', inputs.priority), field('max_retries', 'Max retries', inputs.max_retries),
      field('labels', 'Labels', inputs.labels)),
    h('div', { class: 'filters' },
      field('run_at', 'Run at (your time zone)', inputs.run_at), field('delay', 'or delay from now', inputs.delay),
      field('timeout', 'Timeout', inputs.timeout),
      h('label', { class: 'inline', for: defaultTimeout.id }, defaultTimeout, "the daemon's job_timeout")),
    field('cwd', 'Working directory (empty: the daemon user\'s home)', inputs.cwd),
    h('fieldset', null, h('legend', null, 'Environment'),
      field('env', 'Add or replace variables (values are not shown again)', inputs.env),
      unsetBoxes.length ? h('div', { class: 'env-unset' }, h('span', { class: 'muted' }, 'Remove:'),
        unsetBoxes.map((b) => h('label', { class: 'inline', for: b.id }, b, oneLine(b.value, 100)))) : null),
    h('div', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary', dataset: { action: 'save-edit' } }, 'Save'),
      h('button', { type: 'button', onclick: close }, 'Close')));
  defaultTimeout.addEventListener('change', () => {
    inputs.timeout.disabled = defaultTimeout.checked;
  });
  inputs.timeout.disabled = defaultTimeout.checked;

  function clear() {
    for (const [name, el] of Object.entries(errors)) {
      fill(el);
      const input = inputs[name];
      if (input) input.removeAttribute('aria-invalid');
    }
  }

  function show(name, message) {
    if (!errors[name]) {
      fail(message);
      return;
    }
    fill(errors[name], message);
    inputs[name].setAttribute('aria-invalid', 'true');
    inputs[name].focus();
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clear();
    fail(null);
    let body;
    try {
      body = changes(job, {
        command: inputs.command.value, priority: inputs.priority.value, max_retries: inputs.max_retries.value,
        labels: inputs.labels.value, cwd: inputs.cwd.value, env: inputs.env.value,
        unset_env: unsetBoxes.filter((b) => b.checked).map((b) => b.value), run_at: inputs.run_at.value,
        delay: inputs.delay.value, timeout: inputs.timeout.value, default_timeout: defaultTimeout.checked,
      });
    } catch (err) {
      if (err instanceof FieldError) show(err.field, err.message);
      else fail(err.message);
      return;
    }
    if (Object.keys(body).length === 0) {
      fail('Nothing changed: edit a field first.');
      return;
    }
    try {
      await save(body);
    } catch (err) {
      const name = fieldOf(err.message);
      if (name && errors[name]) show(name, err.message);
      else fail(err.message);
    }
  });
  return form;
}

// The edit form of a pending, held or failed job: command, priority, retries and labels. Only
// the fields that changed are sent (the daemon refuses an edit that changes nothing, and a job
// that started meanwhile); the daemon validates them as it does for the CLI's `edit`.
import { h } from '../dom.js';

function labelText(labels) {
  return Object.entries(labels || {}).map(([k, v]) => k + '=' + v).join(' ');
}

/** Parses "k=v k2=v2" into a map; throws with a sentence when a word is not key=value. */
function parseLabels(text) {
  const out = {};
  for (const word of text.split(/\s+/).filter((w) => w)) {
    const eq = word.indexOf('=');
    if (eq <= 0) throw new Error('Labels are key=value words separated by spaces; "' + word + '" is not one.');
    out[word.slice(0, eq)] = word.slice(eq + 1);
  }
  return out;
}

/** The fields of an edit request that differ from the job; an empty object when nothing does. */
function changes(job, values) {
  const body = {};
  if (values.command !== job.command) body.command = values.command;
  if (Number(values.priority) !== job.priority) body.priority = Number(values.priority);
  if (Number(values.max_retries) !== job.max_retries) body.max_retries = Number(values.max_retries);
  const before = job.labels || {};
  const after = parseLabels(values.labels);
  const set = {};
  for (const [k, v] of Object.entries(after)) if (before[k] !== v) set[k] = v;
  const unset = Object.keys(before).filter((k) => !(k in after));
  if (Object.keys(set).length) body.labels = set;
  if (unset.length) body.unset_labels = unset;
  return body;
}

/**
 * A form for the job; save(body) is called with the changed fields, fail(message) when the
 * input cannot be sent, close() when the form is dismissed.
 */
export function editForm(job, { save, fail, close }) {
  const command = h('textarea', { name: 'command', id: 'e-command', rows: 3, required: true });
  command.value = job.command;
  const priority = h('input', { type: 'number', name: 'priority', id: 'e-priority', value: job.priority, required: true });
  const retries = h('input', { type: 'number', name: 'max_retries', id: 'e-retries', min: 0, value: job.max_retries,
    required: true });
  const labels = h('input', { type: 'text', name: 'labels', id: 'e-labels', value: labelText(job.labels),
    placeholder: 'key=value key2=value2' });
  const form = h('form', { class: 'edit panel', id: 'edit-form', 'aria-label': 'Edit the job' },
    h('label', { for: 'e-command' }, 'Command', command),
    h('div', { class: 'filters' },
      h('label', { for: 'e-priority' }, 'Priority', priority),
      h('label', { for: 'e-retries' }, 'Max retries', retries),
      h('label', { for: 'e-labels' }, 'Labels', labels)),
    h('div', { class: 'toolbar' },
      h('button', { type: 'submit', class: 'primary', dataset: { action: 'save-edit' } }, 'Save'),
      h('button', { type: 'button', onclick: close }, 'Close')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    let body;
    try {
      body = changes(job, { command: command.value, priority: priority.value, max_retries: retries.value,
        labels: labels.value });
    } catch (err) {
      fail(err.message);
      return;
    }
    if (Object.keys(body).length === 0) {
      fail('Nothing changed: edit a field first.');
      return;
    }
    save(body);
  });
  return form;
}

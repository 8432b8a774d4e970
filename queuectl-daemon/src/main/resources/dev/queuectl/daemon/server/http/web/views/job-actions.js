// Which actions a job's state allows, with the wording of their buttons and confirmations.
// The daemon checks again: a job that changed state meanwhile gets a clear refusal.

const ACTIONS = {
  cancel: { name: 'cancel', label: 'Cancel', danger: true, done: 'Cancelled: the job is in the dead-letter queue now.' },
  retry: { name: 'retry', label: 'Retry', done: 'The job is pending again (attempts reset, history kept).' },
  purge: { name: 'purge', label: 'Purge', method: 'DELETE', danger: true,
    confirm: 'The job, its history and its output are deleted. This cannot be undone.', done: 'Purged.' },
  rerun: { name: 'rerun', label: 'Run again', done: 'The job is pending again (attempts reset, history kept).' },
  hold: { name: 'hold', label: 'Hold', done: 'Held: the job will not start until it is released.' },
  release: { name: 'release', label: 'Release', done: 'Released: the job may start again.' },
  edit: { name: 'edit', label: 'Edit', form: true },
};

/** The actions for a job (its state and held flag), among the ops the daemon has. */
export function actionsFor(job, ops) {
  const out = [];
  const has = (op) => ops.has(op);
  switch (job.state) {
    case 'pending':
    case 'failed':
      if (job.held === true && has('release')) out.push(ACTIONS.release);
      if (job.held === false && has('hold')) out.push(ACTIONS.hold);
      if (has('edit')) out.push(ACTIONS.edit);
      out.push(Object.assign({}, ACTIONS.cancel, { confirm: 'The job moves to the dead-letter queue and will not run.' }));
      break;
    case 'processing':
      out.push(Object.assign({}, ACTIONS.cancel, {
        confirm: 'Its processes are stopped (SIGTERM, then SIGKILL) and the job moves to the dead-letter queue.',
      }));
      break;
    case 'dead':
      out.push(ACTIONS.retry);
      if (has('rerun')) out.push(ACTIONS.rerun);
      out.push(ACTIONS.purge);
      break;
    case 'completed':
      if (has('rerun')) out.push(ACTIONS.rerun);
      break;
    default:
      break;
  }
  return out;
}

// Which actions a job's state allows, with the wording of their buttons and confirmations.
// The daemon checks again: a job that changed state meanwhile gets a clear refusal.

const ACTIONS = {
  cancel: { name: 'cancel', label: 'Cancel', danger: true, done: 'Cancelled: the job is in the dead-letter queue now.' },
  retry: { name: 'retry', label: 'Retry', done: 'The job is pending again (attempts reset, history kept).' },
  purge: { name: 'purge', label: 'Purge', method: 'DELETE', danger: true,
    confirm: 'The job, its history and its output are deleted. This cannot be undone.', done: 'Purged.' },
};

export function actionsFor(state) {
  switch (state) {
    case 'pending':
    case 'failed':
      return [Object.assign({}, ACTIONS.cancel, { confirm: 'The job moves to the dead-letter queue and will not run.' })];
    case 'processing':
      return [Object.assign({}, ACTIONS.cancel, {
        confirm: 'Its processes are stopped (SIGTERM, then SIGKILL) and the job moves to the dead-letter queue.',
      })];
    case 'dead':
      return [ACTIONS.retry, ACTIONS.purge];
    default:
      return [];
  }
}

// One live connection to the daemon's event stream (server-sent events), shared by the views.
// The browser resumes a dropped stream by itself (with Last-Event-ID); when the stream is closed
// for good (the daemon restarted, was stopped, or the session ended) this reopens it with a
// growing pause and says so in the header. The page never polls.

const TYPES = ['status', 'jobs', 'stats', 'config', 'log', 'log-error', 'reset'];

export class Live {
  constructor(indicator) {
    this.indicator = indicator;
    this.handlers = new Map();
    this.follow = null;
    this.source = null;
    this.retryMs = 1000;
    this.timer = null;
    this.open();
  }

  /** Calls fn(data) for every event of this type; returns a function that stops it. */
  on(type, fn) {
    if (!this.handlers.has(type)) this.handlers.set(type, new Set());
    this.handlers.get(type).add(fn);
    return () => this.handlers.get(type).delete(fn);
  }

  /** Streams one job's run output too ('log' events) from a run and offset, or none (null). */
  setFollow(id, attempt, offset) {
    const follow = id ? new URLSearchParams({ follow: id, attempt: String(attempt), offset: String(offset) }).toString() : null;
    if (follow === this.follow) return;
    this.follow = follow;
    this.open();
  }

  emit(type, data) {
    const set = this.handlers.get(type);
    if (set) for (const fn of [...set]) fn(data);
  }

  show(state, text) {
    this.indicator.className = 'conn ' + state;
    this.indicator.textContent = text;
  }

  open() {
    if (this.source) this.source.close();
    clearTimeout(this.timer);
    const url = '/api/v1/events' + (this.follow ? '?' + this.follow : '');
    const source = new EventSource(url);
    this.source = source;
    this.show('connecting', 'connecting…');
    source.onopen = () => {
      this.retryMs = 1000;
      this.show('live', 'live');
    };
    for (const type of TYPES) {
      source.addEventListener(type, (e) => {
        let data = null;
        try {
          data = JSON.parse(e.data);
        } catch (err) {
          return;
        }
        this.emit(type, data);
      });
    }
    source.onerror = () => {
      if (source !== this.source) return;
      if (source.readyState === EventSource.CONNECTING) {
        this.show('down', 'disconnected — reconnecting…');
        return;
      }
      this.show('down', 'disconnected — retrying');
      this.retryLater();
    };
  }

  async retryLater() {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, 30000);
    this.timer = setTimeout(async () => {
      try {
        const res = await fetch('/api/v1/session', { credentials: 'same-origin' });
        if (res.status === 401) {
          this.show('down', 'session ended');
          window.location.assign('/login');
          return;
        }
      } catch (e) {
        // the daemon is not answering yet: open() below fails too and we come back here
      }
      this.open();
      this.emit('reset', { reason: 'reconnected' });
    }, wait);
  }
}

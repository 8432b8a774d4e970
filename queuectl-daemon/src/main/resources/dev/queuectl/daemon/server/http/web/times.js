// Times and durations typed into the pages, read by the rules the CLI uses (TimeArgs and
// Durations in the Java code): a time with a zone (2026-11-23T10:00:00Z), a local time
// (2026-11-23 10:00, in the browser's zone), or for since/until a duration meaning that long ago.
// The CLI turns local times and durations ago into instants before sending; so do the pages, and
// the daemon checks the rest (ranges, since before until) as it does for the CLI.

const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/y;
const NUMBER = /^\d+(?:\.\d+)?$/;
const UNIT = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?$/;

/** A duration text (30, 1.5, 250ms, 90s, 1h30m, 2d) in milliseconds; null when it is not one. */
export function durationMillis(text) {
  const s = text.trim();
  if (!s) return null;
  if (NUMBER.test(s)) return Number(s) * 1000;
  let at = 0;
  let millis = 0;
  PART.lastIndex = 0;
  while (at < s.length) {
    PART.lastIndex = at;
    const m = PART.exec(s);
    if (!m) return null;
    millis += Number(m[1]) * UNIT[m[2]];
    at = PART.lastIndex;
  }
  return millis;
}

/** A time with a zone, or a local one in the browser's zone, as an ISO instant; null when neither. */
export function absoluteTime(text) {
  const s = text.trim();
  if (ZONED.test(s)) {
    const d = new Date(s);
    return isNaN(d) ? null : d.toISOString();
  }
  const m = LOCAL.exec(s);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] || 0),
    Number((m[7] || '0').padEnd(3, '0').slice(0, 3)));
  // Date rolls 2026-02-31 over into March; the CLI refuses it, so do the pages.
  if (isNaN(d) || d.getMonth() !== Number(m[2]) - 1 || d.getDate() !== Number(m[3]) || d.getHours() !== Number(m[4])) {
    return null;
  }
  return d.toISOString();
}

/** since/until: a time, or a duration before now, as an ISO instant; throws with the CLI's wording. */
export function timeOrAgo(name, text, now = Date.now()) {
  const at = absoluteTime(text);
  if (at) return at;
  const ago = durationMillis(text);
  const d = ago === null ? null : new Date(now - ago);
  if (d && !isNaN(d)) return d.toISOString();
  throw new Error(name + ": '" + text + "' is neither a time (2026-11-23T10:00:00Z, 2026-11-23 10:00)"
    + ' nor a duration ago (30m, 2h, 3d)');
}

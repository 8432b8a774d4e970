// Building the page without ever parsing text as HTML: every string from the daemon (ids,
// commands, output, errors) goes in through textContent, and control characters are shown as
// escapes, so nothing a job holds can become markup or confuse the display.

/** An element: h('a', {href: '/jobs'}, 'Jobs', child...). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(el.dataset, v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.appendChild(c);
    else el.appendChild(document.createTextNode(String(c)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g;

function escapeChar(c) {
  const n = c.charCodeAt(0);
  return n > 0xff ? '\\u' + n.toString(16).padStart(4, '0') : '\\x' + n.toString(16).padStart(2, '0');
}

/** Text for one line: control characters and line breaks shown as escapes, cut at max characters. */
export function oneLine(s, max = 160) {
  if (s === null || s === undefined) return '';
  let t = String(s).replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(CONTROL, escapeChar);
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  return t;
}

/** Text for a block (output, a long command): line breaks and tabs kept, other control characters escaped. */
export function block(s) {
  if (s === null || s === undefined) return '';
  return String(s).replace(/\r(?!\n)/g, '\\r').replace(CONTROL, escapeChar);
}

const LOCAL = new Intl.DateTimeFormat(undefined, {
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** A <time>: the browser's local time, UTC on hover. */
export function time(iso) {
  if (!iso) return h('span', { class: 'muted' }, '—');
  const d = new Date(iso);
  if (isNaN(d)) return h('span', null, oneLine(iso, 40));
  return h('time', { datetime: iso, title: iso.replace('T', ' ').replace('Z', ' UTC') }, LOCAL.format(d));
}

/** A duration in seconds as "850 ms", "12.4 s", "3 m 05 s", "2 h 01 m". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || isNaN(seconds)) return '—';
  if (seconds < 1) return Math.round(seconds * 1000) + ' ms';
  if (seconds < 60) return (Math.round(seconds * 10) / 10) + ' s';
  const m = Math.floor(seconds / 60);
  if (m < 60) return m + ' m ' + String(Math.floor(seconds % 60)).padStart(2, '0') + ' s';
  const hrs = Math.floor(m / 60);
  if (hrs < 48) return hrs + ' h ' + String(m % 60).padStart(2, '0') + ' m';
  return Math.floor(hrs / 24) + ' d ' + (hrs % 24) + ' h';
}

export function badge(state) {
  return h('span', { class: 'badge ' + state }, state);
}

/** A link to a job's page. */
export function jobLink(id) {
  return h('a', { href: '/jobs/' + encodeURIComponent(id) }, oneLine(id, 80));
}

export function number(n) {
  return typeof n === 'number' ? n.toLocaleString() : '—';
}

/**
 * A table with a header row; rows are arrays of cells (nodes, strings, or {cell, class}). With
 * stack, narrow screens show each row as a block of labelled cells instead of scrolling sideways.
 */
export function table(headers, rows, caption, stack) {
  const label = (t) => (typeof t === 'string' ? t : t.text);
  const head = h('tr', null, headers.map((t) => (typeof t === 'string' ? h('th', { scope: 'col' }, t)
    : h('th', { scope: 'col', class: t.class }, t.text))));
  const body = rows.map((r) => h('tr', null, r.map((c, i) => (c && c.cell !== undefined
    ? h('td', { class: c.class, 'data-label': label(headers[i] || '') }, c.cell)
    : h('td', { 'data-label': label(headers[i] || '') }, c)))));
  return h('div', { class: 'table-wrap' },
    h('table', { class: stack ? 'stack' : null }, caption ? h('caption', { class: 'muted' }, caption) : null,
      h('thead', null, head), h('tbody', null, body)));
}

/** Runs fn at most once per wait ms, the last call winning. */
export function throttle(fn, wait) {
  let timer = null;
  let last = 0;
  return function throttled() {
    const now = Date.now();
    if (timer) return;
    const delay = Math.max(0, last + wait - now);
    timer = setTimeout(() => {
      timer = null;
      last = Date.now();
      fn();
    }, delay);
  };
}

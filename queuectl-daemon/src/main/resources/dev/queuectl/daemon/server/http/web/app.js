// The dashboard's entry point: finds the view for the address, mounts it in <main>, keeps
// navigation inside the page (so the live connection stays open) and marks the current menu item.
import { Live } from './live.js';
import { api } from './api.js';
import { h, fill } from './dom.js';

const role = document.querySelector('meta[name="queuectl-role"]').content;
const main = document.getElementById('main');
const live = new Live(document.getElementById('conn'));

const ROUTES = [
  { match: /^\/$/, module: './views/overview.js', title: 'Overview' },
  { match: /^\/jobs$/, module: './views/jobs.js', title: 'Jobs' },
  { match: /^\/jobs\/(.+)$/, module: './views/job.js', title: 'Job' },
  { match: /^\/dead$/, module: './views/dead.js', title: 'Dead letters' },
  { match: /^\/workers$/, module: './views/workers.js', title: 'Workers' },
  { match: /^\/config$/, module: './views/config.js', title: 'Config' },
];

let current = null;
// What this daemon can do (its ops, the list filters it takes), asked once.
let session = { ops: [], list_fields: [] };

function navigate(url, replace) {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render(true);
}

async function render(focus) {
  if (current && current.unmount) current.unmount();
  current = null;
  live.setFollow(null);
  const path = location.pathname;
  const route = ROUTES.find((r) => r.match.test(path));
  markMenu(path);
  if (!route) {
    document.title = 'Not found — queuectl';
    fill(main, h('h1', null, 'No such page'), h('p', null, h('a', { href: '/' }, 'Back to the overview')));
    return;
  }
  const params = path.match(route.match).slice(1).map(decodeURIComponent);
  document.title = route.title + ' — queuectl';
  const view = await import(route.module);
  fill(main);
  current = view.mount(main, {
    role,
    canChange: role === 'read-write',
    ops: new Set(session.ops),
    listFields: new Set(session.list_fields),
    params,
    query: new URLSearchParams(location.search),
    live,
    navigate,
  }) || null;
  if (focus) main.focus({ preventScroll: false });
}

function markMenu(path) {
  for (const a of document.querySelectorAll('header nav a')) {
    const href = a.getAttribute('href');
    const on = href === '/' ? path === '/' : path === href || path.startsWith(href + '/');
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const a = e.target.closest('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname === '/login') return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', () => render(false));
api.get('session').then((s) => { session = s; }).catch(() => {}).finally(() => render(false));

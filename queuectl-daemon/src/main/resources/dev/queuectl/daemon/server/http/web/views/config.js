// Config: the runtime settings with their defaults and meaning; read-write sessions edit them
// in place, checked by the daemon exactly as `queuectl config set` is.
import { api } from '../api.js';
import { h, fill, oneLine, table } from '../dom.js';

export function mount(main, ctx) {
  const message = h('div', { role: 'status', 'aria-live': 'polite' });
  const list = h('div');
  fill(main, h('h1', null, 'Config'), h('p', { class: 'muted' },
    'Runtime settings, kept in the store. Daemon settings (listen addresses, paths, limits) are in queuectld.conf.'),
  message, list);

  async function load() {
    try {
      const r = await api.get('config');
      render(r.config);
    } catch (e) {
      fill(message, h('p', { class: 'error' }, e.message));
    }
  }

  function render(entries) {
    fill(list, table(['Key', 'Value', 'Default', 'Meaning'], entries.map((e) => [
      h('code', null, e.key), ctx.canChange ? editor(e) : oneLine(e.text), oneLine(e.default_text),
      oneLine(e.description, 300)]), null, true));
  }

  function editor(e) {
    const input = h('input', { type: 'text', value: e.text, 'aria-label': 'Value of ' + e.key, size: '10', name: e.key });
    const form = h('form', { class: 'inline-edit' }, input, h('button', { type: 'submit' }, 'Save'));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      try {
        const r = await api.put('config/' + encodeURIComponent(e.key), { value: input.value });
        fill(message, h('p', { class: 'ok' }, oneLine(r.key) + ' = ' + oneLine(r.text)));
        load();
      } catch (err) {
        fill(message, h('p', { class: 'error' }, err.message));
        input.focus();
      }
    });
    return form;
  }

  const off = [ctx.live.on('config', () => load()), ctx.live.on('reset', () => load())];
  load();
  return { unmount: () => off.forEach((f) => f()) };
}

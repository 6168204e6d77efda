/** The version and the close button. */
import { Child, h } from '../dom';
import { host } from '../rpc';
import { app, tr } from '../store';

export function footerView(): Child {
  const s = app.s;
  return h(
    'footer',
    { class: 'footer gray small' },
    s ? h('span', { id: 'version' }, tr('version', { v: s.version })) : null,
    h('button', { id: 'btn-close', class: 'link-btn', type: 'button', onclick: () => host.close() }, tr('close')),
  );
}

/**
 * The Pola Layanan sidebar: plain DOM, one state object (store.ts), one render function
 * (render.ts) drawing the views in views/. Every value that comes from the sheet is rendered as
 * text through h() (textContent only).
 */
import { call, hasScriptRun } from './rpc';
import { render } from './render';
import { app, App, applyState, showError, tr, wire } from './store';

async function boot(): Promise<void> {
  app.loading = true;
  app.error = null;
  render();
  const r = await call('getSidebarState');
  app.loading = false;
  if (r.ok) applyState(r.data, false);
  else showError('global', r.error, null);
  render();
}

wire(render, boot);

interface PolaWindow {
  __POLA_BOOT__?: boolean;
  __POLA__?: { boot: () => Promise<void>; app: App; render: () => void };
}

const w = window as unknown as PolaWindow;
w.__POLA__ = { boot, app, render };

function start(): void {
  if (w.__POLA_BOOT__ === false) return;
  if (hasScriptRun()) {
    void boot();
  } else {
    showError('global', { code: 'INTERNAL', message: tr('noRun'), hint: '' }, null);
    render();
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

/**
 * Typed promise wrapper over google.script.run, derived from the frozen ServerApi contract.
 * A failure handler call (network, quota, a thrown server error) becomes an INTERNAL envelope
 * with a message in the user's language, so callers only ever handle Reply<T>.
 */
import type { Lang, Reply, ServerApi } from '../src/shared/api';
import { t } from './i18n';

type Handler = (value: unknown) => void;

/** The subset of google.script.run the sidebar uses. */
export interface ScriptRunner {
  withSuccessHandler(fn: Handler): ScriptRunner;
  withFailureHandler(fn: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

interface ScriptHost {
  close(): void;
  setHeight?(h: number): void;
  editor?: { focus(): void };
}

interface GoogleScript {
  run?: ScriptRunner;
  host?: ScriptHost;
}

function googleScript(): GoogleScript | undefined {
  const g = (globalThis as unknown as { google?: { script?: GoogleScript } }).google;
  return g?.script;
}

export function hasScriptRun(): boolean {
  return !!googleScript()?.run;
}

let currentLang: Lang = 'id';

/** The language of the INTERNAL error built by `call` when the server cannot answer. */
export function setRpcLang(lang: Lang): void {
  currentLang = lang;
}

export function internalError(lang: Lang, detail?: string): Reply<never> {
  const hint = t(lang, 'errInternalHint');
  return {
    ok: false,
    error: { code: 'INTERNAL', message: t(lang, 'errInternal'), hint: detail ? `${hint} (${detail})` : hint },
  };
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return err == null ? '' : String(err);
}

function isReply(v: unknown): boolean {
  return !!v && typeof v === 'object' && typeof (v as { ok?: unknown }).ok === 'boolean';
}

export function call<K extends keyof ServerApi>(
  name: K,
  ...args: Parameters<ServerApi[K]>
): Promise<ReturnType<ServerApi[K]>> {
  type R = ReturnType<ServerApi[K]>;
  return new Promise<R>((resolve) => {
    const run = googleScript()?.run;
    if (!run) {
      resolve(internalError(currentLang, 'google.script.run') as R);
      return;
    }
    try {
      const runner = run
        .withSuccessHandler((value) => {
          resolve((isReply(value) ? value : internalError(currentLang, 'bad reply')) as R);
        })
        .withFailureHandler((error) => {
          resolve(internalError(currentLang, describe(error)) as R);
        });
      const fn = runner[name];
      if (typeof fn !== 'function') {
        resolve(internalError(currentLang, String(name)) as R);
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    } catch (e) {
      resolve(internalError(currentLang, describe(e)) as R);
    }
  });
}

/** google.script.host, tolerant of running outside Sheets. */
export const host = {
  close(): void {
    googleScript()?.host?.close();
  },
  focusEditor(): void {
    googleScript()?.host?.editor?.focus();
  },
};

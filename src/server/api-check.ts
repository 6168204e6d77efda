/**
 * The compiler's check that the server's entry points are the functions the sidebar calls.
 *
 * The sidebar calls the server through google.script.run by name, typed from ServerApi
 * (src/shared/api.ts); nothing at run time checks that an entry still takes what the sidebar
 * sends. This module makes `npm run typecheck` fail when an entry of src/server/index.ts is
 * missing, gains a required parameter, or answers another type. It is type-only: nothing
 * imports it, so the build never bundles it (tools/build.ts bundles src/server/index.ts).
 */
import type { ServerApi } from '../shared/api';

type Entries = typeof import('./index');

/** Never called: its body is the check. */
export function serverEntriesSatisfyServerApi(entries: Pick<Entries, keyof ServerApi>): ServerApi {
  return entries satisfies ServerApi;
}

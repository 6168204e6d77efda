/** The part of uglify-js (3.x, no bundled types) that tools/build.ts uses. */
declare module 'uglify-js' {
  export interface MinifyOptions {
    compress?: false | Record<string, unknown>;
    mangle?: boolean | Record<string, unknown>;
    toplevel?: boolean;
    output?: Record<string, unknown>;
  }
  export function minify(code: string, options?: MinifyOptions): { code: string; error?: Error; warnings?: string[] };
}

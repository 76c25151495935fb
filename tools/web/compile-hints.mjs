/**
 * esbuild plugin for the web build (apps/web/project.json, `plugins`): starts every JavaScript file of the
 * browser build with V8's explicit compile hint, `//# allFunctionsCalledOnLoad`.
 *
 * Without it V8 compiles a function the first time it is called, on the main thread, in the middle of the
 * app's start-up: on the catalogue that was ~280 ms of a phone's main thread (Chromium at 4x CPU slowdown),
 * inside the long tasks Lighthouse counts as blocking. With it, Chromium 136+ compiles the whole file on a
 * background thread while it downloads (~30 ms left on the main thread; the start-up's blocking time fell
 * from ~610 to ~370 ms in the same measurement). Every file the build emits is code the page it belongs to
 * runs when it loads (the first page's chunks, a route's or a @defer block's), so whole files are marked.
 * Other browsers read a comment.
 *
 * The hint must be the file's first line: esbuild's `banner` puts it there, in every chunk, and keeps the
 * source maps right. The server bundle (platform node) is left alone.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/** @type {import('esbuild').Plugin} */
const compileHints = {
  name: 'madang-compile-hints',
  setup(build) {
    const options = build.initialOptions;
    if (options.platform !== 'browser') return;
    const banner = options.banner?.js;
    options.banner = { ...options.banner, js: banner ? `${COMPILE_HINT}\n${banner}` : COMPILE_HINT };
  },
};

export default compileHints;

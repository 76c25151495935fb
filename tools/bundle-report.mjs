#!/usr/bin/env node
/**
 * What the first page costs: reads the esbuild metafile of a production web build and prints, for the
 * initial chunks and for the chunks each given route loads, the biggest inputs (packages / libs) and the
 * raw, gzip and brotli sizes of the JavaScript as the API serves it (the `compression` middleware:
 * gzip level 6, brotli quality 6 (see compressAnswers); Chromium asks for brotli, also over plain HTTP to 127.0.0.1).
 *
 *   npx nx run web:build --stats-json
 *   node tools/bundle-report.mjs                     # `/` and `/catalogue`
 *   node tools/bundle-report.mjs / /calls --top 25   # other routes, more lines
 *   node tools/bundle-report.mjs --json              # machine-readable totals (for CI or a diff)
 *
 * A route's chunks are the static-import closure of the chunk its lazy `import()` in app.routes.ts
 * points at, minus what the initial chunks already hold. Chunks that a page only reaches through a
 * dynamic `import()` or an `@defer` block are listed apart as "deferred" (loaded on idle, interaction
 * or a click), with their own total.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 && args[index + 1] ? args[index + 1] : fallback;
};
const DIST = resolve(ROOT, option('--dist', 'dist/apps/web'));
const TOP = Number(option('--top', '12'));
const routesWanted = args.filter(
  (arg, i) => arg.startsWith('/') && !['--dist', '--top'].includes(args[i - 1] ?? ''),
);
if (routesWanted.length === 0) routesWanted.push('/', '/catalogue');

const statsPath = join(DIST, 'stats.json');
if (!existsSync(statsPath)) {
  console.error(`No ${relative(ROOT, statsPath)}: run \`npx nx run web:build --stats-json\` first.`);
  process.exit(1);
}
const { outputs } = JSON.parse(readFileSync(statsPath, 'utf8'));
const browserDir = existsSync(join(DIST, 'browser')) ? join(DIST, 'browser') : DIST;

// --- sizes ---------------------------------------------------------------------------------------
const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const path = join(browserDir, file);
    const body = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    sizeCache.set(file, {
      raw: body.length,
      gzip: gzipSync(body, { level: 6 }).length,
      br: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } }).length,
      br11: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(file);
}
const sum = (files) =>
  files.reduce(
    (t, f) => {
      const s = sizes(f);
      return { raw: t.raw + s.raw, gzip: t.gzip + s.gzip, br: t.br + s.br, br11: t.br11 + s.br11 };
    },
    { raw: 0, gzip: 0, br: 0, br11: 0 },
  );
const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

// --- graph ---------------------------------------------------------------------------------------
const jsOutputs = Object.keys(outputs).filter((f) => f.endsWith('.js'));
function staticClosure(starts) {
  const seen = new Set();
  const stack = [...starts];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file) || !outputs[file]) continue;
    seen.add(file);
    for (const imp of outputs[file].imports ?? []) if (imp.kind === 'import-statement') stack.push(imp.path);
  }
  return seen;
}
function dynamicTargets(files) {
  const targets = new Set();
  for (const file of files)
    for (const imp of outputs[file]?.imports ?? [])
      if (imp.kind === 'dynamic-import' && imp.path.endsWith('.js')) targets.add(imp.path);
  return targets;
}

const mainFile = jsOutputs.find((f) => outputs[f].entryPoint === 'apps/web/src/main.ts');
const polyfills = jsOutputs.filter((f) => /polyfills/.test(outputs[f].entryPoint ?? ''));
const initial = staticClosure([mainFile, ...polyfills].filter(Boolean));
const styles = Object.keys(outputs).filter((f) => f.endsWith('.css') && /^styles/.test(f));

// --- routes: path → entry file, from app.routes.ts and tsconfig.base.json paths ----------------------
const tsPaths =
  JSON.parse(readFileSync(join(ROOT, 'tsconfig.base.json'), 'utf8')).compilerOptions.paths ?? {};
const routesSource = readFileSync(join(ROOT, 'apps/web/src/app/app.routes.ts'), 'utf8');
const routeEntries = new Map();
for (const block of routesSource.split(/\n\s*\{\s*\n/)) {
  const path = /path:\s*'([^']*)'/.exec(block)?.[1];
  const spec = /import\('([^']+)'\)/.exec(block)?.[1];
  if (path === undefined || !spec || routeEntries.has(`/${path}`)) continue;
  const file = spec.startsWith('.')
    ? relative(ROOT, resolve(ROOT, 'apps/web/src/app', spec)) + '.ts'
    : tsPaths[spec]?.[0];
  if (file) routeEntries.set(`/${path}`, file.replace(/^\.\//, ''));
}

// --- inputs, grouped by package or library --------------------------------------------------------
function groupOf(input) {
  const nm = input.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = input.slice(nm + 'node_modules/'.length).split('/');
    const pkg = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
    // Angular's own packages: name the entry point (fesm2022/<entry>.mjs), that is what you cut.
    if (/^@angular\//.test(pkg)) {
      const base = parts.at(-1).replace(/\.mjs$/, '');
      return `${pkg} (${base})`;
    }
    return pkg;
  }
  const lib = /^(libs\/.+?)\/src\//.exec(input);
  if (lib) return lib[1];
  return dirname(input);
}
function topInputs(files) {
  const groups = new Map();
  for (const file of files)
    for (const [input, { bytesInOutput }] of Object.entries(outputs[file]?.inputs ?? {})) {
      const key = groupOf(input);
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
  return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}

// --- report ---------------------------------------------------------------------------------------
const report = { initial: {}, routes: {} };
const line = (label, t) =>
  `${label.padEnd(34)} raw ${kB(t.raw).padStart(9)}   gzip ${kB(t.gzip).padStart(8)}   br(q6, served) ${kB(t.br).padStart(8)}   br(q11) ${kB(t.br11).padStart(8)}`;
function section(title, files) {
  const list = [...files].sort((a, b) => sizes(b).raw - sizes(a).raw);
  const total = sum(list);
  if (!flag('--json')) {
    console.log(`\n== ${title}: ${list.length} chunk(s)`);
    console.log(line('total', total));
    for (const f of list.slice(0, TOP)) console.log(line(`  ${f}`, sizes(f)));
    if (list.length > TOP) console.log(`  … ${list.length - TOP} more`);
    console.log('  biggest inputs (minified bytes in these chunks):');
    for (const [key, bytes] of topInputs(list).slice(0, TOP))
      console.log(`    ${kB(bytes).padStart(9)}  ${key}`);
  }
  return { chunks: list.length, ...total };
}

report.initial.js = section('initial JS (main + static imports)', initial);
report.initial.css = section('global styles', styles);
const initialDeferred = new Set([...dynamicTargets(initial)].filter((f) => !initial.has(f)));

for (const route of routesWanted) {
  const entryFile = routeEntries.get(route);
  const entryChunk = entryFile && jsOutputs.find((f) => outputs[f].entryPoint === entryFile);
  if (!entryChunk) {
    console.error(`\n(no lazy chunk found for ${route}; entry ${entryFile ?? 'unknown'})`);
    continue;
  }
  const routeFiles = new Set([...staticClosure([entryChunk])].filter((f) => !initial.has(f)));
  const own = section(`route ${route} (${entryFile})`, routeFiles);
  const loaded = new Set([...initial, ...routeFiles]);
  // @defer blocks and dynamic imports of the route's own code (not the other routes of the app).
  const deferredStarts = [...dynamicTargets(routeFiles)].filter((f) => !loaded.has(f));
  const shellDeferred = [...initialDeferred].filter(
    (f) => !loaded.has(f) && ![...routeEntries.values()].includes(outputs[f]?.entryPoint ?? ''),
  );
  const deferredFiles = new Set(
    [...staticClosure([...deferredStarts, ...shellDeferred])].filter((f) => !loaded.has(f)),
  );
  const deferred = section(`deferred from ${route} and the shell (@defer / import())`, deferredFiles);
  const firstPage = sum([...loaded]);
  report.routes[route] = { route: own, deferred, firstPage: { chunks: loaded.size, ...firstPage } };
  if (!flag('--json')) {
    console.log(`\n>> first page ${route}: initial + route JS`);
    console.log(line('   on the wire', firstPage));
    console.log(line('   + deferred chunks', sum([...loaded, ...deferredFiles])));
  }
}
if (flag('--json')) console.log(JSON.stringify(report, null, 2));

// The tier's judge, checked without a browser: `node --test tools/lighthouse/evaluate.test.mjs` (npm test runs it before the tier).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  medianScore,
  misses,
  missLine,
  runMetrics,
  scriptBytes,
  summarise,
  table,
  topFailingAudits,
} from './evaluate.mjs';
import { checkHtml, decodeHtml, ogTitle } from './pages.mjs';

// The failure-line pattern of tools/test-all.mjs: a miss must match it to be repeated at the end of npm test.
const FAILURE_LINE =
  /(✘|✕|●|^\s*FAIL\b|^\s*\d+\) \[|\bflaky\b|Error: |error TS\d+|\d+ errors?\b|^\s*\d+:\d+\s+error\s|^- [\w-]+:[\w-]+$|Failed tasks|Tests:.*failed|\d+ failed)/;

/** A report fragment shaped like Lighthouse 12's. */
function report({ perf = 0.95, a11y = 1, bp = 0.96, seo = 1, scripts = [40_000, 30_000] } = {}) {
  const requests = [
    { url: 'http://127.0.0.1:1/', resourceType: 'Document', transferSize: 9_000 },
    ...scripts.map((size, i) => ({
      url: `http://127.0.0.1:1/chunk-${i}.js`,
      resourceType: 'Script',
      transferSize: size,
    })),
    { url: 'http://127.0.0.1:1/styles.css', resourceType: 'Stylesheet', transferSize: 20_000 },
  ];
  return {
    categories: {
      performance: {
        score: perf,
        auditRefs: [
          { id: 'largest-contentful-paint', weight: 25 },
          { id: 'total-blocking-time', weight: 30 },
          { id: 'cumulative-layout-shift', weight: 25 },
          { id: 'unused-javascript', weight: 0 },
          { id: 'render-blocking-resources', weight: 0 },
          { id: 'diagnostics', weight: 0 },
        ],
      },
      accessibility: { score: a11y, auditRefs: [{ id: 'color-contrast', weight: 7 }] },
      'best-practices': { score: bp, auditRefs: [] },
      seo: { score: seo, auditRefs: [{ id: 'robots-txt', weight: 1 }] },
    },
    audits: {
      'largest-contentful-paint': {
        id: 'largest-contentful-paint',
        title: 'LCP',
        score: 0.3,
        scoreDisplayMode: 'numeric',
        numericValue: 4600,
        displayValue: '4.6 s',
      },
      'total-blocking-time': {
        id: 'total-blocking-time',
        title: 'TBT',
        score: 0.5,
        scoreDisplayMode: 'numeric',
        numericValue: 810,
        displayValue: '810 ms',
      },
      'cumulative-layout-shift': {
        id: 'cumulative-layout-shift',
        title: 'CLS',
        score: 1,
        scoreDisplayMode: 'numeric',
        numericValue: 0.01,
        displayValue: '0.01',
      },
      'unused-javascript': {
        id: 'unused-javascript',
        title: 'Reduce unused JavaScript',
        score: 0,
        scoreDisplayMode: 'metricSavings',
        metricSavings: { LCP: 900 },
        displayValue: 'Est savings of 120 KiB',
      },
      'render-blocking-resources': {
        id: 'render-blocking-resources',
        title: 'Eliminate render-blocking resources',
        score: 0.5,
        scoreDisplayMode: 'metricSavings',
        metricSavings: { FCP: 300, LCP: 300 },
        displayValue: 'Est savings of 600 ms',
      },
      diagnostics: { id: 'diagnostics', title: 'Diagnostics', score: null, scoreDisplayMode: 'informative' },
      'color-contrast': {
        id: 'color-contrast',
        title: 'Contrast',
        score: a11y === 1 ? 1 : 0,
        scoreDisplayMode: 'binary',
      },
      'robots-txt': {
        id: 'robots-txt',
        title: 'robots.txt is not valid',
        score: seo === 1 ? 1 : 0,
        scoreDisplayMode: 'binary',
        displayValue: '16 errors found',
      },
      'network-requests': { details: { items: requests } },
    },
  };
}

test('JavaScript on the wire is the transfer size of Script requests only', () => {
  assert.equal(scriptBytes(report({ scripts: [100_000, 60_500] })), 160_500);
  assert.equal(scriptBytes({ audits: {} }), 0);
});

test("performance is the middle of the runs' scores, not the score of Lighthouse's median run", () => {
  assert.equal(medianScore([81, 92, 81]), 81);
  assert.equal(medianScore([95, 88, 91]), 91);
  assert.equal(medianScore([90, null, 70]), 70);
  assert.equal(medianScore([93, 87, 90, 99]), 90);
  assert.equal(medianScore([null, null]), null);
  const figures = summarise(report({ perf: 0.92 }), [81, 92, 81]);
  assert.equal(figures.scores.performance, 81);
  assert.equal(figures.scores.accessibility, 100);
  assert.deepEqual(
    misses('/catalogue', figures).map((m) => [m.category, m.got]),
    [['performance', 81]],
  );
  assert.equal(summarise(report({ perf: 0.92 })).scores.performance, 92);
});

test('a report that meets every target has no miss', () => {
  assert.deepEqual(misses('/', summarise(report())), []);
});

test('each category below its target is a miss, scores rounded as Lighthouse shows them', () => {
  const found = misses('/catalogue', summarise(report({ perf: 0.894, a11y: 0.99, bp: 0.94, seo: 0.91 })));
  assert.deepEqual(
    found.map((m) => [m.category, m.got, m.target]),
    [
      ['performance', 89, 90],
      ['accessibility', 99, 100],
      ['best-practices', 94, 95],
      ['seo', 91, 100],
    ],
  );
  // 0.895 shows as 90 and meets the target, as in Lighthouse's own report.
  assert.deepEqual(misses('/catalogue', summarise(report({ perf: 0.895 }))), []);
});

test('a category Lighthouse could not score is a miss, not a pass', () => {
  const found = misses('/', summarise(report({ perf: null })));
  assert.deepEqual(
    found.map((m) => m.text),
    ['none < 90'],
  );
});

test('the JavaScript budget holds for the first page only, and 150 kB exactly passes', () => {
  const heavy = summarise(report({ scripts: [151_000] }));
  assert.deepEqual(
    misses('/', heavy).map((m) => missLine('/', m)),
    ['✘ lighthouse /: javascript 151.0 kB > 150 kB'],
  );
  assert.deepEqual(misses('/catalogue', heavy), []);
  assert.deepEqual(misses('/', summarise(report({ scripts: [150_000] }))), []);
});

test('miss lines have the agreed shape and match the failure pattern of npm test', () => {
  const [miss] = misses('/calls/:id', summarise(report({ seo: 0.82 })));
  const line = missLine('/calls/:id', miss);
  assert.equal(line, '✘ lighthouse /calls/:id: seo 82 < 100');
  assert.match(line, FAILURE_LINE);
});

test('the audits to fix come by lost weight, then by estimated savings; informative ones never', () => {
  const audits = topFailingAudits(report({ perf: 0.5 }), 'performance');
  assert.deepEqual(
    audits.map((a) => a.id),
    ['largest-contentful-paint', 'total-blocking-time', 'unused-javascript', 'render-blocking-resources'],
  );
  assert.equal(audits[0].value, '4.6 s');
  assert.deepEqual(topFailingAudits(report({ seo: 0.9 }), 'seo'), [
    { id: 'robots-txt', value: '16 errors found' },
  ]);
});

test('for the JavaScript budget the largest scripts are named', () => {
  assert.deepEqual(topFailingAudits(report({ scripts: [10_000, 90_000, 50_000] }), 'javascript', 2), [
    { id: '/chunk-1.js', value: '90.0 kB' },
    { id: '/chunk-2.js', value: '50.0 kB' },
  ]);
});

test('the table shows the median figures and every run, and a page without a run', () => {
  const text = table([
    { label: '/', figures: summarise(report()), runScores: [94, 95, 96] },
    { label: '/calls/:id', figures: null, runScores: [null] },
  ]);
  const [head, , home, call, targets] = text.split('\n');
  assert.match(head, /^page\s+perf\s+a11y\s+BP\s+SEO\s+LCP\s+TBT\s+CLS\s+JS kB\s+perf of runs$/);
  assert.match(home, /^\/\s+95\s+100\s+96\s+100\s+4\.6 s\s+810 ms\s+0\.010\s+70\.0\s+94 \/ 95 \/ 96$/);
  assert.match(call, /^\/calls\/:id\s+(–\s+){8}failed$/);
  assert.match(targets, /perf ≥ 90, a11y = 100, BP ≥ 95, SEO = 100; JS on the wire ≤ 150 kB for \//);
});

test('raw HTML: names found through entities, og:title read in either attribute order', () => {
  assert.equal(decodeHtml('R&amp;D &#xB9C8;&#45817; &lt;b&gt;'), 'R&D 마당 <b>');
  assert.equal(ogTitle('<meta content="강당 &amp; 무대" property="og:title">'), '강당 & 무대');
  assert.equal(ogTitle("<meta property='og:title' content='Hall'/>"), 'Hall');
  assert.equal(ogTitle('<meta property="og:description" content="x">'), null);
});

test('raw HTML: a page with its content and og:title passes; the shell of a client-only app does not', () => {
  const page = '<head><meta property="og:title" content="강당 · 마당"></head><body><h1>강당</h1></body>';
  assert.deepEqual(checkHtml(page, { texts: ['강당'], what: 'the room name', ogTitle: '강당' }), []);
  const shell = '<head><title>마당 Madang</title></head><body><app-root></app-root></body>';
  assert.deepEqual(checkHtml(shell, { texts: ['강당', '3D 프린터', '강당'], what: 'asset names' }), [
    'asset names: 2 of 2 missing (e.g. "강당", "3D 프린터")',
    'og:title: no <meta property="og:title">',
  ]);
  const wrongTitle = '<meta property="og:title" content="마당"><h1>강당</h1>';
  assert.deepEqual(checkHtml(wrongTitle, { texts: ['강당'], what: 'the room name', ogTitle: '강당' }), [
    'og:title: "마당" does not name "강당"',
  ]);
});

test('raw HTML: names only in the head, the transfer state or JSON-LD do not count as content', () => {
  const hydrationOnly =
    '<head><title>강당</title><meta property="og:title" content="강당"></head><body><app-root></app-root>' +
    '<script id="ng-state" type="application/json">{"name":{"ko":"강당"}}</script>' +
    '<script type="application/ld+json">{"@type":"Place","name":"강당"}</script></body>';
  assert.deepEqual(checkHtml(hydrationOnly, { texts: ['강당'], what: 'the room name', ogTitle: '강당' }), [
    'the room name: 1 of 1 missing (e.g. "강당")',
  ]);
});

test('performance below 90 fails the tier, as every other target does', () => {
  const near = misses('/catalogue', summarise(report({ perf: 0.89 })));
  assert.deepEqual(
    near.map((m) => [m.category, m.got, m.target]),
    [['performance', 89, 90]],
  );
  assert.equal(missLine('/catalogue', near[0]), '✘ lighthouse /catalogue: performance 89 < 90');
  assert.deepEqual(misses('/catalogue', summarise(report({ perf: 0.9 }))), []);
  assert.deepEqual(
    misses('/', summarise(report({ a11y: 0.99 }))).map((m) => m.category),
    ['accessibility'],
  );
});

test('one run’s metrics in a line, with a dash for what was not measured', () => {
  const lhr = report();
  assert.equal(runMetrics(lhr), 'FCP – · SI – · LCP 4.6 s · TBT 810 ms · CLS 0.010');
  lhr.audits['first-contentful-paint'] = { numericValue: 1640 };
  lhr.audits['speed-index'] = { numericValue: 1700 };
  assert.equal(runMetrics(lhr), 'FCP 1.6 s · SI 1.7 s · LCP 4.6 s · TBT 810 ms · CLS 0.010');
});

// Pure pieces of the Lighthouse tier: the targets (issue 13), what one report says, the misses, the audits to
// fix, and the printed table. No browser, no I/O: tested by evaluate.test.mjs (`node --test tools/lighthouse/evaluate.test.mjs`).

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const SHORT = { performance: 'perf', accessibility: 'a11y', 'best-practices': 'BP', seo: 'SEO' };

/** Minimum score (0–100) per category on every page, and the first page's JavaScript budget. */
export const TARGETS = { performance: 90, accessibility: 100, 'best-practices': 95, seo: 100 };
export const JS_BUDGET_KB = 150;

export const JS_BUDGET_PAGES = ['/'];

/** A category's score as Lighthouse shows it (0–100), or null when it could not be computed. */
export const score = (lhr, category) => {
  const value = lhr.categories[category]?.score;
  return typeof value === 'number' ? Math.round(value * 100) : null;
};

/** Bytes of JavaScript on the wire: the transfer sizes of the Script requests in `network-requests`. */
export function scriptBytes(lhr) {
  const items = lhr.audits['network-requests']?.details?.items ?? [];
  return items.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
}

/**
 * The median of the runs' scores (null runs left out; the lower middle of an even count, so a tie never
 * rounds up). Lighthouse's own "median run" (computeMedianRun) is picked by first paint and time to
 * interactive, and its performance score can be the best of three: with runs of 81, 92 and 81 it may be
 * the 92. "Median of 3" for the performance target means this: the middle score.
 */
export function medianScore(scores) {
  const sorted = scores.filter((s) => typeof s === 'number').sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
}

/**
 * The figures of one (median) report; with `runScores`, performance is the median of those (see
 * `medianScore`) rather than the report's own.
 */
export function summarise(lhr, runScores) {
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, score(lhr, c)]));
  if (runScores) scores.performance = medianScore(runScores);
  return {
    scores,
    lcpMs: numeric('largest-contentful-paint'),
    tbtMs: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
    jsKb: scriptBytes(lhr) / 1000,
  };
}

/**
 * The targets a page's figures miss: `{ category, got, target, text }` each; `got` null when not measured.
 * Every miss fails the tier, performance below 90 included: the floor below the target that used to let a
 * score of 70–89 pass went when every page's median reached 93–98 (issue 13, sixth round).
 */
export function misses(label, figures) {
  const out = [];
  for (const category of CATEGORIES) {
    const got = figures.scores[category];
    if (got === null || got < TARGETS[category])
      out.push({
        category,
        got,
        target: TARGETS[category],
        text: `${got ?? 'none'} < ${TARGETS[category]}`,
      });
  }
  if (JS_BUDGET_PAGES.includes(label) && !(figures.jsKb <= JS_BUDGET_KB))
    out.push({
      category: 'javascript',
      got: figures.jsKb,
      target: JS_BUDGET_KB,
      text: `${figures.jsKb.toFixed(1)} kB > ${JS_BUDGET_KB} kB`,
    });
  return out;
}

/** The line that names a miss; tools/test-all.mjs repeats it at the end of `npm test` (its ✘). */
export const missLine = (label, miss) => `✘ lighthouse ${label}: ${miss.category} ${miss.text}`;

const IGNORED_MODES = new Set(['notApplicable', 'manual', 'informative', 'error']);

/**
 * The audits that cost a category most: weighted audits by lost weight, then (performance) the
 * opportunities by their estimated savings. For `javascript`, the largest scripts. `{ id, value }` each.
 */
export function topFailingAudits(lhr, category, limit = 5) {
  if (category === 'javascript') {
    const items = lhr.audits['network-requests']?.details?.items ?? [];
    return items
      .filter((r) => r.resourceType === 'Script')
      .sort((a, b) => (b.transferSize ?? 0) - (a.transferSize ?? 0))
      .slice(0, limit)
      .map((r) => ({
        id: r.url.replace(/^https?:\/\/[^/]+/, ''),
        value: `${((r.transferSize ?? 0) / 1000).toFixed(1)} kB`,
      }));
  }
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const failing = refs
    .map((ref) => ({ ref, audit: lhr.audits[ref.id] }))
    .filter(
      ({ audit }) =>
        audit &&
        !IGNORED_MODES.has(audit.scoreDisplayMode) &&
        typeof audit.score === 'number' &&
        audit.score < 0.9,
    );
  const savings = (audit) => Object.values(audit.metricSavings ?? {}).reduce((s, v) => s + (v ?? 0), 0);
  failing.sort(
    (a, b) =>
      b.ref.weight * (1 - b.audit.score) - a.ref.weight * (1 - a.audit.score) ||
      savings(b.audit) - savings(a.audit) ||
      a.audit.score - b.audit.score,
  );
  return failing
    .slice(0, limit)
    .map(({ audit }) => ({ id: audit.id, value: audit.displayValue || audit.title.replace(/\s+/g, ' ') }));
}

const pad = (text, width) => String(text).padEnd(width);
const padLeft = (text, width) => String(text).padStart(width);
const fmt = {
  score: (s) => (s === null ? '–' : String(s)),
  seconds: (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(1)} s`),
  ms: (ms) => (ms === null ? '–' : `${Math.round(ms)} ms`),
  cls: (v) => (v === null ? '–' : v.toFixed(3)),
  kb: (v) => (v === null || v === undefined ? '–' : v.toFixed(1)),
};

/**
 * One run's metrics in a line (`FCP 1.6 s · SI 1.6 s · LCP 1.7 s · TBT 180 ms · CLS 0.000`): printed for
 * every run, so a median that misses shows which metric moved in which run.
 */
export function runMetrics(lhr) {
  const numeric = (id) => lhr.audits[id]?.numericValue ?? null;
  return [
    `FCP ${fmt.seconds(numeric('first-contentful-paint'))}`,
    `SI ${fmt.seconds(numeric('speed-index'))}`,
    `LCP ${fmt.seconds(numeric('largest-contentful-paint'))}`,
    `TBT ${fmt.ms(numeric('total-blocking-time'))}`,
    `CLS ${fmt.cls(numeric('cumulative-layout-shift'))}`,
  ].join(' · ');
}

/**
 * The results table: one row per page (`{ label, figures, runScores }`, figures null when no run worked):
 * the median performance score, the median run's other figures, and every run's performance score.
 */
export function table(rows) {
  const head = ['page', 'perf', 'a11y', 'BP', 'SEO', 'LCP', 'TBT', 'CLS', 'JS kB', 'perf of runs'];
  const body = rows.map(({ label, figures, runScores }) => [
    label,
    ...(figures
      ? [
          ...CATEGORIES.map((c) => fmt.score(figures.scores[c])),
          fmt.seconds(figures.lcpMs),
          fmt.ms(figures.tbtMs),
          fmt.cls(figures.cls),
          fmt.kb(figures.jsKb),
        ]
      : ['–', '–', '–', '–', '–', '–', '–', '–']),
    runScores.map((s) => (s === null ? 'failed' : String(s))).join(' / '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((cell, i) => (i === 0 || i === cells.length - 1 ? pad(cell, widths[i]) : padLeft(cell, widths[i])))
      .join('  ')
      .trimEnd();
  const targets = `targets: ${CATEGORIES.map((c) => `${SHORT[c]} ${c === 'performance' || c === 'best-practices' ? '≥' : '='} ${TARGETS[c]}`).join(', ')}; JS on the wire ≤ ${JS_BUDGET_KB} kB for ${JS_BUDGET_PAGES.join(', ')}`;
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...body.map(line), targets].join('\n');
}

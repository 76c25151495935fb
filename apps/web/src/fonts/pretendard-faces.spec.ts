import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const slices = join(root, 'node_modules/pretendard/dist/web/variable/woff2-dynamic-subset');
const tool = join(root, 'tools/fonts/pretendard-faces.mjs');

interface Face {
  file: string;
  range: string;
  from: string | { slices: [number, number] };
}

function codePoints(range: string): number[] {
  return range.split(',').flatMap((part) => {
    const [from, to] = part
      .trim()
      .replace(/^U\+/i, '')
      .split('-')
      .map((h) => parseInt(h, 16));
    return Array.from({ length: (to ?? from) - from + 1 }, (_, i) => from + i);
  });
}

const plan = (): { version: string; dir: string; faces: Face[] } =>
  JSON.parse(execFileSync(process.execPath, [tool, '--plan'], { encoding: 'utf8' }));

describe('the Pretendard @font-face rules the web app ships (in index.html)', () => {
  it('are what tools/fonts/pretendard-faces.mjs makes of the installed package, and the build makes and copies their files', () => {
    expect(() => execFileSync(process.execPath, [tool, '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('are 28, give a cached file time to arrive before the first paint, and each points at a kept slice or a merged file', () => {
    const html = readFileSync(join(__dirname, '..', 'index.html'), 'utf8');
    const faces = html.match(/@font-face\s*{[^}]*}/g) ?? [];
    const { dir, faces: planned } = plan();
    expect(faces).toHaveLength(28);
    expect(planned).toHaveLength(28);
    for (const [i, face] of faces.entries()) {
      expect(face).toContain('font-display:fallback;');
      expect(face).toContain(`url(/${dir}/${planned[i].file})`);
      const from = planned[i].from;
      if (typeof from === 'string') expect(existsSync(join(slices, from))).toBe(true);
      else expect(planned[i].file).toMatch(/^PretendardVariable\.slices-\d+-\d+\.[0-9a-f]{10}\.woff2$/);
    }
    // 20 slices as the package made them (the 2,000 most frequent characters), 8 merged from the other 72.
    expect(planned.filter((f) => typeof f.from === 'string')).toHaveLength(20);
    expect(planned.filter((f) => typeof f.from !== 'string').map((f) => f.from)).toEqual(
      [0, 9, 18, 27, 36, 45, 54, 63].map((first) => ({ slices: [first, first + 8] })),
    );
  });

  it('cover exactly the characters the package covers, each in one face only', () => {
    const css = readFileSync(
      join(root, 'node_modules/pretendard/dist/web/variable/pretendardvariable-dynamic-subset.css'),
      'utf8',
    );
    const packagePoints = [...css.matchAll(/unicode-range:\s*([^;}]*)/g)].flatMap((m) => codePoints(m[1]));
    const ours = plan().faces.flatMap((f) => codePoints(f.range));
    expect(new Set(ours).size).toBe(ours.length);
    expect([...ours].sort((a, b) => a - b)).toEqual([...packagePoints].sort((a, b) => a - b));
    expect(ours).toContain('마'.codePointAt(0));
    expect(ours).toContain('A'.codePointAt(0));
  });

  it('exist once: the global stylesheet declares none (a second set made the browser lay the page out again)', () => {
    const styles = readFileSync(join(__dirname, '..', 'styles.scss'), 'utf8');
    expect(styles).not.toMatch(/@font-face\s*{|@(use|import)[^;]*pretendard/);
  });
});

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');
const slices = join(root, 'node_modules/pretendard/dist/web/variable/woff2-dynamic-subset');

describe('the Pretendard @font-face rules the web app ships (in index.html)', () => {
  it('are what tools/fonts/pretendard-faces.mjs makes of the installed package, and the build copies the slices where they point', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'tools/fonts/pretendard-faces.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('never swap a late font in: every face is font-display optional and every slice file exists', () => {
    const html = readFileSync(join(__dirname, '..', 'index.html'), 'utf8');
    const faces = html.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces).toHaveLength(92);
    for (const face of faces) {
      expect(face).toContain('font-display:optional;');
      const url = /url\(\/fonts\/pretendard-[\d.]+\/([^)]+)\)/.exec(face)?.[1] as string;
      expect(url).toBeTruthy();
      expect(() => readFileSync(join(slices, url))).not.toThrow();
    }
  });

  it('exist once: the global stylesheet declares none (a second set made the browser lay the page out again)', () => {
    const styles = readFileSync(join(__dirname, '..', 'styles.scss'), 'utf8');
    expect(styles).not.toMatch(/@font-face\s*{|@(use|import)[^;]*pretendard/);
  });
});

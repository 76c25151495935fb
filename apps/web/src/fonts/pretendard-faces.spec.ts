import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../../..');

describe('the Pretendard @font-face rules the web app ships', () => {
  it('are what tools/fonts/pretendard-faces.mjs makes of the installed package (regenerate after an upgrade)', () => {
    expect(() =>
      execFileSync(process.execPath, [join(root, 'tools/fonts/pretendard-faces.mjs'), '--check'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });

  it('never swap a late font in: every face is font-display optional and every slice file exists', () => {
    const css = readFileSync(join(__dirname, 'pretendard-faces.css'), 'utf8');
    const faces = css.match(/@font-face\s*{[^}]*}/g) ?? [];
    expect(faces).toHaveLength(92);
    for (const face of faces) {
      expect(face).toContain('font-display: optional;');
      const url = /url\(([^)]+)\)/.exec(face)?.[1] as string;
      expect(() => readFileSync(join(__dirname, url))).not.toThrow();
    }
  });
});

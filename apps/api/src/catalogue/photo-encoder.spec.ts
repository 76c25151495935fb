import { parsePhotoVariant, variantFileName } from './photo-encoder';

describe('parsePhotoVariant', () => {
  it.each([
    ['320.avif', { kind: 'avif', width: 320 }],
    ['640.webp', { kind: 'webp', width: 640 }],
    ['1280.avif', { kind: 'avif', width: 1280 }],
  ])('reads %s', (segment, spec) => {
    expect(parsePhotoVariant(segment)).toEqual(spec);
  });

  it.each([
    '0640.webp',
    '640.WEBP',
    '641.webp',
    '640.jpg',
    '640',
    '.webp',
    '640.webp.png',
    ' 640.webp',
    '1200.og',
  ])('refuses %s', (segment) => {
    expect(parsePhotoVariant(segment)).toBeNull();
  });

  it('names the files it sends', () => {
    expect(variantFileName({ kind: 'webp', width: 640 })).toBe('photo-640.webp');
    expect(variantFileName({ kind: 'og', width: 1200 })).toBe('photo-og.jpg');
  });
});

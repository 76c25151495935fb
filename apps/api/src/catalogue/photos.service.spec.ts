import { photoName } from './photos.service';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

describe('photoName', () => {
  it('keeps a name whose extension agrees with the bytes', () => {
    expect(photoName('마당.png', PNG)).toBe('마당.png');
    expect(photoName('IMG_1.JPEG', JPEG)).toBe('IMG_1.JPEG');
  });

  it('appends the extension of the real type when the name has none that agrees', () => {
    expect(photoName('photo', PNG)).toBe('photo.png');
    expect(photoName('renamed.jpeg', PNG)).toBe('renamed.jpeg.png');
    expect(photoName('  ', JPEG)).toBe('photo.jpg');
  });

  it('leaves names of bytes that are no image alone, for the files service to refuse', () => {
    expect(photoName('a.pdf', Buffer.from('%PDF-1.4'))).toBe('a.pdf');
    expect(photoName('x.png', Buffer.from([0, 1, 2]))).toBe('x.png');
  });
});

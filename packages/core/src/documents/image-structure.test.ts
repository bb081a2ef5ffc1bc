import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { makeJpeg, makePng } from '../testing/document-fixtures.js';
import { checkJpegStructure, checkPngStructure } from './image-structure.js';

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the image to be refused');
}

const edit = (bytes: Uint8Array, change: (copy: Uint8Array) => void) => {
  const copy = new Uint8Array(bytes);
  change(copy);
  return copy;
};

describe('PNG structure', () => {
  const png = makePng();

  it('accepts a real PNG', () => {
    expect(() => checkPngStructure(png, 'a.png')).not.toThrow();
  });

  it.each([
    ['truncated', png.subarray(0, png.length - 6), 'the file ends before the image is complete'],
    [
      'a flipped pixel byte (CRC no longer matches)',
      edit(png, (c) => {
        c[45] = c[45]! ^ 0x01;
      }),
      'checksum error in the IDAT block',
    ],
    ['signature only', png.subarray(0, 8), 'the file ends before the image is complete'],
    [
      'zero width',
      edit(png, (c) => {
        c.set([0, 0, 0, 0], 16);
      }),
      'checksum error in the IHDR block',
    ],
  ])('refuses a PNG that is %s', (_label, bytes, problem) => {
    const error = refusal(() => checkPngStructure(bytes, 'a.png'));
    expect(error.code).toBe('UNPROCESSABLE');
    expect(error.details).toMatchObject({ reason: 'CORRUPT' });
    expect(error.message).toBe(
      `The file "a.png" is a damaged PNG image (${problem}); export or scan it again and upload the new file.`,
    );
  });
});

describe('JPEG structure', () => {
  const jpeg = makeJpeg();

  it('accepts a real JPEG, with or without a trailer after EOI', () => {
    expect(() => checkJpegStructure(jpeg)).not.toThrow();
    expect(() => checkJpegStructure(Uint8Array.from([...jpeg, 0x00, 0x53, 0x45, 0x46, 0x54]))).not.toThrow();
  });

  it.each([
    ['truncated before EOI', jpeg.subarray(0, jpeg.length - 2), 'the file ends before the image is complete'],
    ['cut inside a segment', jpeg.subarray(0, 30), 'the file ends before the image is complete'],
    ['only the start marker', Uint8Array.of(0xff, 0xd8, 0xff), 'the file ends before the image is complete'],
    ['without pixel data', Uint8Array.of(0xff, 0xd8, 0xff, 0xd9), 'the image has no pixel data'],
    [
      'with a garbage byte between segments',
      Uint8Array.of(0xff, 0xd8, 0x00, 0xff, 0xd9),
      'an image segment is out of place',
    ],
  ])('refuses a JPEG %s', (_label, bytes, problem) => {
    const error = refusal(() => checkJpegStructure(bytes));
    expect(error.details).toMatchObject({ reason: 'CORRUPT' });
    expect(error.message).toBe(
      `The file is a damaged JPEG image (${problem}); export or scan it again and upload the new file.`,
    );
  });
});

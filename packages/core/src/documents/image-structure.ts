import { crc32 } from 'node:zlib';
import { fileLabel, refuseDocument } from './document-refusal.js';

/** PNG signature (ISO/IEC 15948 §5.2). */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const PNG_MAX_CHUNK = 0x7fffffff;
/** Allowed bit depths per colour type (ISO/IEC 15948 Table 11.1). */
const PNG_BIT_DEPTHS: Record<number, readonly number[]> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
};

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

function corruptImage(name: string | undefined, what: 'PNG' | 'JPEG', problem: string) {
  return refuseDocument(
    'CORRUPT',
    `${fileLabel(name)} is a damaged ${what} image (${problem}); export or scan it again and upload the new file.`,
  );
}

/**
 * Walks every PNG chunk and checks its CRC, so a truncated or bit-rotted image is refused at upload
 * rather than discovered by a validator months later. IHDR must come first and IEND last (§5.6).
 */
export function checkPngStructure(bytes: Uint8Array, name?: string): void {
  const fail = (problem: string) => corruptImage(name, 'PNG', problem);
  let at = PNG_SIGNATURE.length;
  let index = 0;
  let sawData = false;
  for (;;) {
    if (at + 12 > bytes.length) throw fail('the file ends before the image is complete');
    const length = u32(bytes, at);
    if (length > PNG_MAX_CHUNK || at + 12 + length > bytes.length) {
      throw fail('the file ends before the image is complete');
    }
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const data = bytes.subarray(at + 8, at + 8 + length);
    const stored = u32(bytes, at + 8 + length);
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== stored) {
      throw fail(`checksum error in the ${type.replace(/[^\x20-\x7e]/g, '?')} block`);
    }
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) throw fail('the image header is missing');
      const width = u32(data, 0);
      const height = u32(data, 4);
      const depth = data[8]!;
      const colourType = data[9]!;
      if (width === 0 || height === 0 || width > PNG_MAX_CHUNK || height > PNG_MAX_CHUNK) {
        throw fail('the image has no valid size');
      }
      if (!PNG_BIT_DEPTHS[colourType]?.includes(depth)) throw fail('the image header is invalid');
    } else if (type === 'IHDR') {
      throw fail('the image header appears twice');
    }
    if (type === 'IDAT') sawData = true;
    at += 12 + length;
    index += 1;
    if (type === 'IEND') break;
  }
  if (!sawData) throw fail('the image has no pixel data');
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Walks the JPEG marker segments (ITU-T T.81 Annex B) from SOI to EOI, stepping through the
 * entropy-coded data after each SOS. A file without a frame header, a scan, or an EOI is refused:
 * that is what a truncated upload or a renamed non-image looks like. Bytes after EOI are tolerated,
 * as cameras and phones append their own trailers there.
 */
export function checkJpegStructure(bytes: Uint8Array, name?: string): void {
  const fail = (problem: string) => corruptImage(name, 'JPEG', problem);
  const truncated = () => fail('the file ends before the image is complete');
  let at = 2; // after SOI
  let sawFrame = false;
  let sawScan = false;
  for (;;) {
    if (at >= bytes.length) throw truncated();
    if (bytes[at] !== 0xff) throw fail('an image segment is out of place');
    while (bytes[at] === 0xff) at += 1; // fill bytes (B.1.1.2)
    if (at >= bytes.length) throw truncated();
    const marker = bytes[at]!;
    at += 1;
    if (marker === 0xd9) break; // EOI
    if (marker === 0xd8) throw fail('a second start-of-image marker');
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // RSTn, TEM: no length
    if (at + 2 > bytes.length) throw truncated();
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2) throw fail('an image segment has an invalid length');
    const end = at + length;
    if (end > bytes.length) throw truncated();
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) throw fail('the frame header is invalid');
      // Height 0 is legal (a DNL segment gives it later); width 0 is not (T.81 B.2.2).
      const width = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      if (width === 0) throw fail('the image has no valid size');
      sawFrame = true;
    }
    at = end;
    if (marker === 0xda) {
      if (!sawFrame) throw fail('image data comes before the frame header');
      sawScan = true;
      at = skipEntropyCodedData(bytes, at);
      if (at < 0) throw truncated();
    }
  }
  if (!sawFrame || !sawScan) throw fail('the image has no pixel data');
}

/** Returns the offset of the next marker's 0xFF after entropy-coded data, or -1 at end of file. */
function skipEntropyCodedData(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    const ff = bytes.indexOf(0xff, at);
    if (ff < 0 || ff + 1 >= bytes.length) return -1;
    const next = bytes[ff + 1]!;
    // 0xFF00 is a stuffed data byte, RSTn markers sit inside the scan, 0xFFFF is fill.
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
      at = next === 0xff ? ff + 1 : ff + 2;
      continue;
    }
    return ff;
  }
}

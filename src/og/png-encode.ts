/**
 * An 8-bit palette PNG from rows of palette indices. The preview cards have
 * a few colours and their anti-aliasing levels (raster.ts), so a pixel is
 * one byte instead of four: a quarter of the bytes to deflate, and files a
 * fraction of the RGBA ones. Rows come unfiltered (filter bytes already in
 * place, so there is no copy); zlib's Z_RLE strategy finds what there is to
 * find in rows that are mostly one index (the background) and costs a
 * fraction of a hash-chain search. Deterministic: the same pixels always give
 * the same bytes.
 */
import { constants, crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * `rows` holds `height` rows of 1 + `width` bytes: a filter type byte (0,
 * none) and the pixels' palette indices. `palette` holds RGB triples.
 */
export function encodeIndexedPng(width: number, height: number, palette: Uint8Array, rows: Uint8Array): Buffer<ArrayBuffer> {
  const entries = palette.length / 3;
  if (!Number.isInteger(entries) || entries < 1 || entries > 256)
    throw new Error(`encodeIndexedPng: a palette of ${palette.length} bytes; give 1 to 256 RGB triples.`);
  if (rows.length !== (width + 1) * height)
    throw new Error(`encodeIndexedPng: ${rows.length} bytes of rows for ${width}×${height} (each row a filter byte and ${width} indices).`);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, palette colour, deflate, adaptive filtering (rows say which), not interlaced
  const data = deflateSync(rows, { level: 9, strategy: constants.Z_RLE });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('PLTE', palette), chunk('IDAT', data), chunk('IEND', new Uint8Array(0))]);
}

/**
 * A WOFF 1.0 font unpacked to the sfnt (TrueType/OpenType) it wraps
 * (https://www.w3.org/TR/WOFF/: a header, a table directory, each table
 * zlib-compressed unless that would not shrink it).
 *
 * Why: fontkit reads WOFF directly, but inflates the whole `glyf` table
 * again every time it reads one glyph's outline (WOFFFont._getTableStream),
 * which was a tenth of a preview card's drawing time while the glyph cache
 * filled. Unpacked once with Node's zlib, the font is read in place.
 */
import { inflateSync } from 'node:zlib';

export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.toString('latin1', 0, 4) !== 'wOFF') throw new Error('Not a WOFF 1.0 font (no "wOFF" signature).');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + 20 * i;
    return {
      tag: input.readUInt32BE(entry),
      offset: input.readUInt32BE(entry + 4),
      compLength: input.readUInt32BE(entry + 8),
      origLength: input.readUInt32BE(entry + 12),
      checksum: input.readUInt32BE(entry + 16),
    };
  });
  const data = tables.map(({ offset, compLength, origLength }) => {
    const stored = input.subarray(offset, offset + compLength);
    const table = compLength < origLength ? inflateSync(stored) : stored;
    if (table.length !== origLength) throw new Error(`A WOFF table unpacks to ${table.length} bytes, not the ${origLength} its directory gives.`);
    return table;
  });
  // The sfnt: offset table, table records (in the directory's order, sorted by tag as WOFF requires), each table padded to 4 bytes.
  const padded = (length: number) => (length + 3) & ~3;
  const headerLength = 12 + 16 * numTables;
  const out = Buffer.alloc(headerLength + data.reduce((sum, table) => sum + padded(table.length), 0));
  const entrySelector = Math.floor(Math.log2(numTables));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE(16 * 2 ** entrySelector, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(16 * numTables - 16 * 2 ** entrySelector, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.origLength, record + 12);
    out.set(data[i]!, offset);
    offset += padded(table.origLength);
  });
  return out;
}

/**
 * Just enough ZIP for an .xlsx package: read the central directory, inflate an entry (whole or as a
 * stream of chunks, its CRC checked), and write a package in which every entry not replaced keeps its
 * compressed bytes exactly. No ZIP64: packages over 4 GiB are refused with a message.
 * One file past 300 lines: reading and writing entries share the entry record, the CRC and the deflate
 * settings.
 */
import { Inflate } from "fflate";
import { TransformOptions } from "node:stream";
import * as zlib from "node:zlib";

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  time: number;
  date: number;
  /** The entry's compressed bytes, a view into the package. */
  raw: Uint8Array;
}

// CRC-32 by slicing: eight tables, eight bytes a step (the same polynomial, several times faster than a byte at a time).
const CRC_TABLES = (() => {
  const t = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n] >>> 8) ^ t[t[(k - 1) * 256 + n] & 0xff];
  return t;
})();

/** Node's own CRC-32 (zlib, Node 20.15 and later), several times faster again; the table version otherwise. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** CRC-32 of `data`, continuing from `previous` (the CRC of what came before it). */
export function crc32(data: Uint8Array, previous = 0): number {
  if (nativeCrc32) return nativeCrc32(data, previous) >>> 0;
  return crc32Table(data, previous);
}

/** CRC-32 eight bytes a step in JavaScript (also the reference the tests hold Node's against). */
export function crc32Table(data: Uint8Array, previous = 0): number {
  const t = CRC_TABLES;
  let c = (previous ^ 0xffffffff) >>> 0;
  let i = 0;
  const end8 = data.length - (data.length & 7);
  for (; i < end8; i += 8) {
    const a = c ^ (data[i] | (data[i + 1] << 8) | (data[i + 2] << 16) | (data[i + 3] << 24));
    c =
      t[1792 + (a & 0xff)] ^
      t[1536 + ((a >>> 8) & 0xff)] ^
      t[1280 + ((a >>> 16) & 0xff)] ^
      t[1024 + (a >>> 24)] ^
      t[768 + data[i + 4]] ^
      t[512 + data[i + 5]] ^
      t[256 + data[i + 6]] ^
      t[data[i + 7]];
  }
  for (; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export class ZipError extends Error {}

export function readZip(buf: Uint8Array): Map<string, ZipEntry> {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("not a zip package (no end of central directory)");
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  if (p === 0xffffffff) throw new ZipError("ZIP64 packages (over 4 GiB) are not supported");
  const decoder = new TextDecoder();
  const entries = new Map<string, ZipEntry>();
  for (let i = 0; i < count; i++) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new ZipError("corrupt central directory");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    if (flags & 1) throw new ZipError("encrypted packages are not supported: save the workbook without a password");
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError("ZIP64 packages (over 4 GiB) are not supported");
    const name = decoder.decode(buf.subarray(p + 46, p + 46 + nameLen));
    if (local + 30 > buf.length || view.getUint32(local, true) !== 0x04034b50)
      throw new ZipError(`the entry ${name} is missing: the file is truncated or damaged`);
    const localNameLen = view.getUint16(local + 26, true);
    const localExtraLen = view.getUint16(local + 28, true);
    const start = local + 30 + localNameLen + localExtraLen;
    if (start + compressedSize > buf.length) throw new ZipError(`the entry ${name} is cut short: the file is truncated`);
    if (entries.has(name)) throw new ZipError(`the entry ${name} appears twice: the package is damaged`);
    entries.set(name, { name, method, crc, compressedSize, size, time, date, raw: buf.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function checked(e: ZipEntry, crc: number, size: number): void {
  if (size !== e.size) throw new ZipError(`the entry ${e.name} inflates to ${size} bytes, not the ${e.size} its header says: the file is damaged`);
  if (crc !== e.crc) throw new ZipError(`the entry ${e.name} fails its checksum: the file is damaged`);
}

/** An entry's content, its size and CRC checked. */
export function inflateEntry(e: ZipEntry): Uint8Array {
  let data: Uint8Array;
  if (e.method === 0) data = e.raw;
  else if (e.method === 8) {
    try {
      data = zlib.inflateRawSync(e.raw);
    } catch (err) {
      throw new ZipError(`the entry ${e.name} cannot be inflated (${(err as Error).message}): the file is damaged`);
    }
  } else throw new ZipError(`${e.name}: compression method ${e.method} is not supported`);
  checked(e, crc32(data), data.length);
  return data;
}

/**
 * Entries up to this size (as their header says) are inflated at once by Node's zlib, about four times
 * faster than fflate; larger ones stream through fflate, so a sheet of hundreds of megabytes is never held whole.
 */
const WHOLE = 64 << 20;
/** Chunks handed on from an entry inflated at once: the size fflate's stream gives. */
const STEP = 1 << 16;

/** An entry's content in chunks as it inflates; its size and CRC are checked after the last chunk. */
export function* inflateChunks(e: ZipEntry): Generator<Uint8Array> {
  if (e.method === 0) {
    yield e.raw;
    checked(e, crc32(e.raw), e.raw.length);
    return;
  }
  if (e.method !== 8) throw new ZipError(`${e.name}: compression method ${e.method} is not supported`);
  if (e.size <= WHOLE) {
    let data: Uint8Array;
    try {
      // At most a little more than the header says: a damaged entry that inflates to far more is cut off and refused by its size.
      data = zlib.inflateRawSync(e.raw, { maxOutputLength: e.size + 1 });
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE")
        throw new ZipError(`the entry ${e.name} inflates to more than the ${e.size} bytes its header says: the file is damaged`);
      throw new ZipError(`the entry ${e.name} cannot be inflated (${(err as Error).message}): the file is damaged`);
    }
    for (let i = 0; i < data.length; i += STEP) yield data.subarray(i, Math.min(i + STEP, data.length));
    checked(e, crc32(data), data.length);
    return;
  }
  let crc = 0;
  let size = 0;
  const ready: Uint8Array[] = [];
  const inflater = new Inflate((chunk) => {
    crc = crc32(chunk, crc);
    size += chunk.length;
    ready.push(chunk);
  });
  const step = STEP;
  const push = (data: Uint8Array, final: boolean) => {
    try {
      inflater.push(data, final);
    } catch (err) {
      throw new ZipError(`the entry ${e.name} cannot be inflated (${(err as Error).message}): the file is damaged`);
    }
  };
  if (e.raw.length === 0) push(new Uint8Array(0), true);
  for (let i = 0; i < e.raw.length; i += step) {
    push(e.raw.subarray(i, Math.min(i + step, e.raw.length)), i + step >= e.raw.length);
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  }
  while (ready.length > 0) yield ready.shift() as Uint8Array;
  checked(e, crc, size);
}

/** Inflates an entry chunk by chunk, then checks its size and CRC (a damaged entry throws after its last chunk). */
export function streamEntry(e: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
  for (const chunk of inflateChunks(e)) onChunk(chunk);
}

/**
 * Node's zlib (native): on a 26 MB sheet, level 6 takes 113 ms (fflate's level 6 takes 450) and level 1
 * 38 ms for 17% more bytes. Parts we write whole are small: level 6. Output sheets streamed in pieces can
 * be hundreds of megabytes: level 1.
 */
const LEVEL = 6;
const LEVEL_STREAMED = 1;
/** Content is deflated in pieces of this size, so a large sheet is never held whole. */
const PIECE = 1 << 20;

/**
 * Content produced in chunks, cut into pieces of about a megabyte to deflate, its size and CRC counted on
 * the way. Each piece is deflated on its own and ended with a sync flush (byte-aligned, not the last
 * block), the last with the final block, so that the pieces together are one raw deflate stream
 * (RFC 1951 §3.2.3: only the last block carries BFINAL).
 */
class Pieces {
  crc = 0;
  size = 0;
  private pending: Uint8Array[] = [];
  private pendingSize = 0;

  /** Adds a chunk; the piece it completes, if it completes one. */
  add(chunk: Uint8Array): Uint8Array | null {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.pending.push(chunk);
    this.pendingSize += chunk.length;
    return this.pendingSize >= PIECE ? this.take() : null;
  }

  /** What is pending, as one piece. */
  take(): Uint8Array {
    const piece = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending, this.pendingSize);
    this.pending = [];
    this.pendingSize = 0;
    return piece;
  }

  entry(name: string, deflated: Uint8Array[], like?: ZipEntry): ZipEntry {
    const raw = deflated.length === 1 ? deflated[0] : Buffer.concat(deflated);
    return { name, method: 8, crc: this.crc, compressedSize: raw.length, size: this.size, time: like?.time ?? 0, date: like?.date ?? 33, raw };
  }
}

const pieceOptions = (final: boolean): zlib.ZlibOptions => ({ level: LEVEL_STREAMED, ...(final ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) });

/** A new entry from content produced in chunks, deflated piece by piece as it comes (a small part, or a test's). */
export function entryFromChunks(name: string, chunks: Iterable<Uint8Array>, like?: ZipEntry): ZipEntry {
  const pieces = new Pieces();
  const out: Uint8Array[] = [];
  for (const chunk of chunks) {
    const piece = pieces.add(chunk);
    if (piece) out.push(zlib.deflateRawSync(piece, pieceOptions(false)));
  }
  out.push(zlib.deflateRawSync(pieces.take(), pieceOptions(true)));
  return pieces.entry(name, out, like);
}

/** Pieces being deflated at once at most: what is held uncompressed beyond the piece being cut. */
const IN_FLIGHT = 4;

/**
 * As `entryFromChunks`, each piece deflated on libuv's thread pool while the next is produced (a large
 * output sheet: producing and checking its text, and deflating it, then share the two cores). The same
 * bytes: the same zlib, level and flushes. An output buffer the size of the piece lets zlib do a piece in
 * one call, not one per 16 KB (nodejs.org/api/zlib.html#class-options, chunkSize).
 */
export async function entryFromChunksAsync(name: string, chunks: Iterable<Uint8Array>, like?: ZipEntry): Promise<ZipEntry> {
  const deflate = (piece: Uint8Array, final: boolean): Promise<Uint8Array> => {
    const done = new Promise<Uint8Array>((resolve, reject) =>
      zlib.deflateRaw(piece, { ...pieceOptions(final), chunkSize: Math.max(1 << 16, piece.length + 1024) }, (err, out) => (err ? reject(err) : resolve(out))),
    );
    // Awaited in order below; one the producer never reaches (its text refused) must not end the process unhandled.
    done.catch(() => undefined);
    return done;
  };
  const pieces = new Pieces();
  const out: Promise<Uint8Array>[] = [];
  let settled = 0;
  for (const chunk of chunks) {
    const piece = pieces.add(chunk);
    if (!piece) continue;
    out.push(deflate(piece, false));
    if (out.length - settled >= IN_FLIGHT) await out[settled++];
  }
  out.push(deflate(pieces.take(), true));
  return pieces.entry(name, await Promise.all(out), like);
}

/** A new entry from its uncompressed content. */
export function newEntry(name: string, data: Uint8Array, like?: ZipEntry): ZipEntry {
  const raw = zlib.deflateRawSync(data, { level: LEVEL });
  // A fixed stamp (1980-01-01) for new parts, so the same run writes the same bytes.
  return { name, method: 8, crc: crc32(data), compressedSize: raw.length, size: data.length, time: like?.time ?? 0, date: like?.date ?? 33, raw };
}

/**
 * An entry's content in chunks, asynchronously, inflated by Node's zlib (native, several times faster
 * than in JavaScript): for the large sheets a run reads. Size and CRC are checked after the last chunk.
 */
export async function* inflateChunksAsync(e: ZipEntry): AsyncGenerator<Uint8Array> {
  if (e.method !== 8) {
    yield* inflateChunks(e);
    return;
  }
  // Inflating runs ahead of the reader by up to 4 MB (on libuv's thread pool): with a stream's default
  // mark of 16 KB, below one 64 KB chunk, it inflated the next chunk only once the reader took this one,
  // and the reader waited for it each time (nodejs.org/api/stream.html#buffering).
  const options: zlib.ZlibOptions & TransformOptions = { chunkSize: 1 << 16, readableHighWaterMark: 4 << 20 };
  const inflater = zlib.createInflateRaw(options);
  let crc = 0;
  let size = 0;
  const done = new Promise<void>((resolve, reject) => {
    inflater.on("error", (err) => reject(new ZipError(`the entry ${e.name} cannot be inflated (${err.message}): the file is damaged`)));
    inflater.on("end", resolve);
  });
  // A reader that stops early (the scanner refused the text) ends the iteration, which destroys the
  // inflater: the error that follows is expected, not a rejection nobody handles (which would end the process).
  done.catch(() => undefined);
  inflater.end(e.raw);
  try {
    for await (const chunk of inflater as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      size += chunk.length;
      yield chunk;
    }
  } catch (err) {
    throw err instanceof ZipError ? err : new ZipError(`the entry ${e.name} cannot be inflated (${(err as Error).message}): the file is damaged`);
  }
  await done;
  checked(e, crc, size);
}

/** Writes entries in the given order; each keeps its compressed bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let total = 22;
  entries.forEach((e, i) => (total += 30 + names[i].length + e.raw.length + 46 + names[i].length));
  if (total > 0xffffffff) throw new ZipError("the package would be over 4 GiB, which needs ZIP64");
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    const utf8 = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
    view.setUint32(p, 0x04034b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, utf8, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc, true);
    view.setUint32(p + 18, e.compressedSize, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.raw.length;
  });
  const cd = p;
  entries.forEach((e, i) => {
    const utf8 = /[^\x20-\x7e]/.test(e.name) ? 0x800 : 0;
    view.setUint32(p, 0x02014b50, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, utf8, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc, true);
    view.setUint32(p + 20, e.compressedSize, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cd, true);
  view.setUint32(p + 16, cd, true);
  return out;
}

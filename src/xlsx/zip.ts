/**
 * The zip container of an OOXML package, read from its central directory and written back, with
 * no private API of any library: fflate only inflates and deflates. Host-neutral (Uint8Array, no
 * Node APIs) so the pane can use it too.
 *
 * Format: PKWARE APPNOTE.TXT 6.3 (sections 4.3.7 local header, 4.3.12 central directory header,
 * 4.3.16 end of central directory). OOXML packages use only "stored" (0) and "deflate" (8)
 * (ECMA-376 Part 2 §C.2), and no zip64 for a workbook of a bloc, nor encryption (an encrypted
 * workbook is an OLE file, not a zip).
 */
import { deflateSync, inflateSync } from "fflate";

/**
 * Unpacked, a workbook may not exceed this: a small file that inflates to gigabytes (a zip bomb)
 * is refused before anything is inflated. A bloc of 600 units unpacks to a few megabytes.
 */
export const MAX_UNZIPPED_MB = 50;

export type ZipProblem =
  /** Not a zip at all (no end-of-central-directory record). */
  | { kind: "notZip" }
  /** A zip whose directory or data is damaged; `entry` names the part when one is at fault. */
  | { kind: "corrupt"; entry?: string }
  | { kind: "zip64"; entry?: string }
  | { kind: "encrypted"; entry: string }
  | { kind: "unsupportedMethod"; entry: string; method: number }
  | { kind: "tooBigUnzipped"; mb: number };

export class ZipError extends Error {
  constructor(readonly problem: ZipProblem) {
    super(`zip: ${problem.kind}${"entry" in problem && problem.entry ? ` (${problem.entry})` : ""}`);
    this.name = "ZipError";
  }
}

export interface ZipEntry {
  /** The entry's name as stored (an OOXML part name without its leading "/"). */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  /** DOS time and date, kept when the entry is copied. */
  time: number;
  date: number;
  /** The entry's data as stored (compressed when method is 8): a view into the archive. */
  raw: Uint8Array;
}

/**
 * Inflating, deflating and checking as a host does it fastest: fflate and a table CRC-32 by
 * default (host-neutral, the pane's); the file host passes Node's zlib, several times faster.
 */
export interface ZipCodec {
  /** Raw deflate data inflated; may stop past `size` bytes (a longer result is refused anyway). */
  inflateRaw(raw: Uint8Array, size: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
  /**
   * Deflating started now and done elsewhere (Node's thread pool) while the caller goes on: a big
   * sheet is compressed while the next is written. Hosts without it deflate when the zip is made.
   */
  deflateRawLater?(data: Uint8Array, level: number): Promise<Uint8Array>;
}

export const FFLATE_CODEC: ZipCodec = {
  // One byte more than declared, so data longer than its declared size is noticed.
  inflateRaw: (raw, size) => inflateSync(raw, { out: new Uint8Array(size + 1) }),
  deflateRaw: (data, level) => deflateSync(data, { level: level as 1 }),
  crc32: (data) => crc32(data),
};

export interface ZipArchive {
  entries: ZipEntry[];
  /** What entryBytes inflates and checks this archive's entries with. */
  codec: ZipCodec;
  /** The entry by exact name, else by name compared case-insensitively (OPC part names are). */
  get(name: string): ZipEntry | undefined;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64_LOCATOR = 0x07064b50;

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

// Made on first use, not when the module loads (a test's DOM environment may add TextDecoder later).
let utf8Decoder: TextDecoder | undefined;
let latin1Decoder: TextDecoder | undefined;
const utf8 = () => (utf8Decoder ??= new TextDecoder("utf-8"));
/** Names without the UTF-8 flag (bit 11) are CP437 by the spec; OOXML names are ASCII in practice. */
const cp437 = () => (latin1Decoder ??= new TextDecoder("latin1"));

/** Offset of the end-of-central-directory record, or -1. It sits in the last 22 + 65535 bytes. */
function findEnd(b: Uint8Array): number {
  const last = b.length - 22;
  for (let i = last; i >= Math.max(0, last - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_END) return i;
  }
  return -1;
}

interface Directory {
  end: number;
  count: number;
  offset: number;
}

function directory(b: Uint8Array): Directory | null {
  const end = findEnd(b);
  if (end < 0) return null;
  return { end, count: u16(b, end + 10), offset: u32(b, end + 16) };
}

/**
 * The unpacked size a zip declares for all its entries, from its central directory (no inflating);
 * null when there is no readable directory. A zip64 entry declares 0xFFFFFFFF here and so counts
 * as too big: no workbook of a bloc needs zip64.
 */
export function declaredUnzippedBytes(b: Uint8Array): number | null {
  const dir = directory(b);
  if (!dir) return null;
  let p = dir.offset;
  let total = 0;
  for (let k = 0; k < dir.count; k++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) return null;
    total += u32(b, p + 24);
    p += 46 + u16(b, p + 28) + u16(b, p + 30) + u16(b, p + 32);
  }
  return total;
}

export interface ReadZipOptions {
  /** Refuse a zip declaring more unpacked bytes than this; MAX_UNZIPPED_MB by default. */
  maxUnzippedBytes?: number;
  codec?: ZipCodec;
}

/** The archive's entries from its central directory. Throws ZipError. */
export function readZip(b: Uint8Array, opts: ReadZipOptions = {}): ZipArchive {
  const dir = directory(b);
  if (!dir) throw new ZipError({ kind: "notZip" });
  if (dir.count === 0xffff || dir.offset === 0xffffffff || (dir.end >= 20 && u32(b, dir.end - 20) === SIG_END64_LOCATOR)) {
    throw new ZipError({ kind: "zip64" });
  }
  const max = opts.maxUnzippedBytes ?? MAX_UNZIPPED_MB * 1024 * 1024;
  const entries: ZipEntry[] = [];
  let p = dir.offset;
  let total = 0;
  for (let k = 0; k < dir.count; k++) {
    if (p + 46 > b.length || u32(b, p) !== SIG_CENTRAL) throw new ZipError({ kind: "corrupt" });
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    if (p + 46 + nameLen > b.length) throw new ZipError({ kind: "corrupt" });
    const nameBytes = b.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & 0x800 ? utf8() : cp437()).decode(nameBytes);
    const compressedSize = u32(b, p + 20);
    const size = u32(b, p + 24);
    const local = u32(b, p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipError({ kind: "zip64", entry: name });
    // Bit 0: traditional encryption; bit 6: strong encryption (APPNOTE 4.4.4).
    if (flags & 0x41) throw new ZipError({ kind: "encrypted", entry: name });
    total += size;
    if (total > max) throw new ZipError({ kind: "tooBigUnzipped", mb: Math.round(max / 1024 / 1024) });
    if (local + 30 > b.length || u32(b, local) !== SIG_LOCAL) throw new ZipError({ kind: "corrupt", entry: name });
    // The local header's name and extra field may differ in length from the central one's.
    const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
    if (start + compressedSize > b.length) throw new ZipError({ kind: "corrupt", entry: name });
    entries.push({ name, method, crc32: u32(b, p + 16), compressedSize, size, time: u16(b, p + 12), date: u16(b, p + 14), raw: b.subarray(start, start + compressedSize) });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return archive(entries, opts.codec ?? FFLATE_CODEC);
}

function archive(entries: ZipEntry[], codec: ZipCodec): ZipArchive {
  const exact = new Map<string, ZipEntry>();
  const folded = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (!exact.has(e.name)) exact.set(e.name, e);
    const k = e.name.toLowerCase();
    if (!folded.has(k)) folded.set(k, e);
  }
  return { entries, codec, get: (name) => exact.get(name) ?? folded.get(name.toLowerCase()) };
}

/**
 * The entry's bytes, inflated and checked against its declared size and CRC-32 (a flipped bit in
 * a figure would otherwise read as another figure). Throws ZipError.
 */
export function entryBytes(e: ZipEntry, codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  let out: Uint8Array;
  if (e.method === 0) out = e.raw;
  else if (e.method === 8) {
    try {
      out = codec.inflateRaw(e.raw, e.size);
    } catch {
      throw new ZipError({ kind: "corrupt", entry: e.name });
    }
  } else throw new ZipError({ kind: "unsupportedMethod", entry: e.name, method: e.method });
  if (out.length !== e.size || codec.crc32(out) !== e.crc32) throw new ZipError({ kind: "corrupt", entry: e.name });
  return out;
}

/** The entry as UTF-8 text (a leading byte-order mark dropped). */
export function entryText(e: ZipEntry, codec?: ZipCodec): string {
  return decodeUtf8(entryBytes(e, codec));
}

/** UTF-8 bytes as text; a byte-order mark is dropped (TextDecoder does that by default). */
export function decodeUtf8(bytes: Uint8Array): string {
  return utf8().decode(bytes);
}

let table: Int32Array | null = null;
function crcTable(): Int32Array {
  if (table) return table;
  table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
}

/** CRC-32 (ISO 3309, as zip uses it). */
export function crc32(data: Uint8Array): number {
  const t = crcTable();
  let c = -1;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** An entry to write: an unchanged entry copied as stored, or new data deflated. */
export type ZipInput =
  | { name: string; copy: ZipEntry }
  /** Strings are written as UTF-8. Level 1 by default: fast, and read the same by every reader; 0 stores. */
  | { name: string; data: Uint8Array | string; level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 };

/** 1980-01-01 00:00, the DOS epoch, for new entries: the output is the same for the same input. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

let textEncoder: TextEncoder | undefined;
const encoder = () => (textEncoder ??= new TextEncoder());

interface WrittenEntry {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  crc: number;
  /** Uncompressed size. */
  size: number;
  time: number;
  date: number;
  /** The stored (compressed) bytes. */
  raw: Uint8Array;
}

/**
 * The fields a local header and a central directory header share, in the same order (APPNOTE
 * 4.3.7 and 4.3.12: flags, method, time, date, CRC, compressed and uncompressed size, name length).
 */
function putSharedFields(view: DataView, at: number, it: WrittenEntry): void {
  view.setUint16(at, it.flags, true);
  view.setUint16(at + 2, it.method, true);
  view.setUint16(at + 4, it.time, true);
  view.setUint16(at + 6, it.date, true);
  view.setUint32(at + 8, it.crc, true);
  view.setUint32(at + 12, it.raw.length, true);
  view.setUint32(at + 16, it.size, true);
  view.setUint16(at + 20, it.nameBytes.length, true);
}

/** New data deflated by the codec's deflateRawLater (level 1), as an entry written like a copied one. */
export async function deflatedLater(name: string, data: Uint8Array, codec: ZipCodec): Promise<ZipEntry> {
  if (!codec.deflateRawLater) throw new Error("The codec deflates only in place");
  const raw = await codec.deflateRawLater(data, 1);
  return { name, method: 8, crc32: codec.crc32(data), compressedSize: raw.length, size: data.length, time: 0, date: DOS_DATE, raw };
}

/**
 * A zip of the entries, in their order. A copied entry's stored bytes, CRC and sizes are reused
 * (nothing inflated or deflated again). Throws ZipError when the result would need zip64.
 */
export function writeZip(inputs: ZipInput[], codec: ZipCodec = FFLATE_CODEC): Uint8Array {
  if (inputs.length >= 0xffff) throw new ZipError({ kind: "zip64" });
  const items = inputs.map((x): WrittenEntry => {
    const nameBytes = encoder().encode(x.name);
    // Bit 11: the name is UTF-8 (only needed, and only set, when it is not ASCII).
    const flags = nameBytes.length !== x.name.length ? 0x800 : 0;
    if ("copy" in x) {
      const e = x.copy;
      return { nameBytes, flags, method: e.method, crc: e.crc32, size: e.size, time: e.time, date: e.date, raw: e.raw };
    }
    const data = typeof x.data === "string" ? encoder().encode(x.data) : x.data;
    const level = x.level ?? 1;
    const raw = level === 0 ? data : codec.deflateRaw(data, level);
    return { nameBytes, flags, method: level === 0 ? 0 : 8, crc: codec.crc32(data), size: data.length, time: 0, date: DOS_DATE, raw };
  });
  let localTotal = 0;
  let centralTotal = 0;
  for (const it of items) {
    localTotal += 30 + it.nameBytes.length + it.raw.length;
    centralTotal += 46 + it.nameBytes.length;
  }
  if (localTotal + centralTotal + 22 > 0xffffffff) throw new ZipError({ kind: "zip64" });
  const out = new Uint8Array(localTotal + centralTotal + 22);
  const view = new DataView(out.buffer);
  let p = 0;
  let c = localTotal;
  for (const it of items) {
    const local = p;
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true); // version needed: 2.0 (deflate)
    putSharedFields(view, p + 6, it);
    view.setUint16(p + 28, 0, true);
    out.set(it.nameBytes, p + 30);
    p += 30 + it.nameBytes.length;
    out.set(it.raw, p);
    p += it.raw.length;

    view.setUint32(c, SIG_CENTRAL, true);
    view.setUint16(c + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(c + 6, 20, true);
    putSharedFields(view, c + 8, it);
    // extra, comment, disk, internal and external attributes: 0.
    view.setUint32(c + 42, local, true);
    out.set(it.nameBytes, c + 46);
    c += 46 + it.nameBytes.length;
  }
  view.setUint32(c, SIG_END, true);
  view.setUint16(c + 8, items.length, true);
  view.setUint16(c + 10, items.length, true);
  view.setUint32(c + 12, centralTotal, true);
  view.setUint32(c + 16, localTotal, true);
  return out;
}

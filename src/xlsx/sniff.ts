/**
 * What a file is, from its bytes (never its name: an .ods renamed to .xlsx is still an .ods), so a
 * file we cannot read is refused naming its format and how to save it as .xlsx. Host-neutral.
 *
 * - OLE compound files (MS-CFB): a legacy .xls has a "Workbook" (BIFF8) or "Book" (BIFF5) stream;
 *   an encrypted .xlsx is an OLE file with an "EncryptedPackage" stream (MS-OFFCRYPTO §2.3.4.4).
 * - Zips: OpenDocument files start with a stored "mimetype" entry (ODF 1.2 Part 3 §3.3).
 * - Text: comma/semicolon/tab-separated values, HTML tables and Excel 2003 XML that web systems
 *   export under an .xls name.
 */
import { decodeUtf8, entryBytes, readZip } from "./zip";

export type FileFormat = "zip" | "xls" | "encrypted" | "ole" | "ods" | "opendocument" | "csv" | "html" | "xml2003" | "unknown";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/** The stream and storage names in an OLE compound file's directory (MS-CFB §2.6), [] when unreadable. */
export function oleStreamNames(b: Uint8Array): string[] {
  if (!starts(b, OLE) || b.length < 512) return [];
  const shift = u16(b, 0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sector = (id: number) => 512 + id * size;
  // The FAT's sectors: the first 109 are listed in the header, the rest in DIFAT sectors.
  const fatSectors: number[] = [];
  for (let k = 0; k < 109; k++) {
    const id = u32(b, 0x4c + k * 4);
    if (id >= 0xfffffffa) break;
    fatSectors.push(id);
  }
  let difat = u32(b, 0x44);
  for (let guard = 0; difat < 0xfffffffa && guard < 1000; guard++) {
    const at = sector(difat);
    if (at + size > b.length) break;
    for (let k = 0; k < size / 4 - 1; k++) {
      const id = u32(b, at + k * 4);
      if (id < 0xfffffffa) fatSectors.push(id);
    }
    difat = u32(b, at + size - 4);
  }
  const next = (id: number): number => {
    const per = size / 4;
    const fs = fatSectors[Math.floor(id / per)];
    if (fs === undefined) return 0xfffffffe;
    const at = sector(fs) + (id % per) * 4;
    return at + 4 <= b.length ? u32(b, at) : 0xfffffffe;
  };
  const names: string[] = [];
  let dir = u32(b, 0x30);
  for (let guard = 0; dir < 0xfffffffa && guard < 10000; guard++) {
    const at = sector(dir);
    if (at + size > b.length) break;
    for (let e = at; e < at + size; e += 128) {
      const len = u16(b, e + 0x40);
      const type = b[e + 0x42];
      if (type === 0 || len < 2 || len > 64) continue;
      let name = "";
      for (let k = 0; k < len - 2; k += 2) name += String.fromCharCode(u16(b, e + k));
      names.push(name);
    }
    dir = next(dir);
  }
  return names;
}

/** The format of the bytes. "zip" says nothing yet about what the zip holds beyond not being OpenDocument. */
export function sniffFormat(b: Uint8Array): FileFormat {
  if (starts(b, OLE)) {
    const names = oleStreamNames(b);
    if (names.includes("EncryptedPackage")) return "encrypted";
    if (names.some((n) => n === "Workbook" || n === "Book")) return "xls";
    return "ole";
  }
  if (starts(b, ZIP)) {
    try {
      const mime = readZip(b).get("mimetype");
      if (mime && mime.size < 200) {
        const type = decodeUtf8(entryBytes(mime)).trim();
        if (type === "application/vnd.oasis.opendocument.spreadsheet" || type === "application/vnd.oasis.opendocument.spreadsheet-template") return "ods";
        if (type.startsWith("application/vnd.oasis.opendocument.")) return "opendocument";
      }
    } catch {
      // A damaged zip: the reader says so.
    }
    return "zip";
  }
  return sniffText(b);
}

function sniffText(b: Uint8Array): FileFormat {
  const head = b.subarray(0, 4096);
  // Text has no NUL bytes (UTF-16 text does, and is read as UTF-16 below).
  let text: string;
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head);
  } else {
    if (head.includes(0)) return "unknown";
    text = decodeUtf8(head);
  }
  const t = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (t.includes('progid="excel.sheet"') || t.includes("urn:schemas-microsoft-com:office:spreadsheet")) return "xml2003";
  if (t.startsWith("<!doctype html") || t.startsWith("<html") || /<table[\s>]/.test(t)) return "html";
  const lines = t.split(/\r?\n/).filter((l) => l.trim() !== "");
  // A printable first line split by a separator, or several lines of text: delimited values.
  if (lines.length && !hasControlCharacters(t) && (/[,;\t]/.test(lines[0]) || lines.length > 1)) return "csv";
  return "unknown";
}

/** Control characters other than tab, line feed, carriage return and form feed: not text. */
function hasControlCharacters(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0b && c !== 0x0c) return true;
  }
  return false;
}

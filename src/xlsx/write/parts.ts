/**
 * The parts of a package being written: each either copied from the original zip as it is stored
 * (never inflated unless read, never deflated again) or replaced by new data. Host-neutral.
 */
import { Inflate } from "fflate";
import { partKey } from "../opc";
import { crc32, decodeUtf8, entryBytes, readZip, writeZip, type ZipEntry, type ZipInput } from "../zip";

type Part = { copy: ZipEntry } | { data: string | Uint8Array };

/**
 * Raw deflate (RFC 1951) of new part data, for a host with a faster one than fflate's (Node's
 * zlib); level 1, as the rest of the package.
 */
export type Deflate = (data: Uint8Array) => Uint8Array;

/** 1980-01-01 00:00 in DOS date format: new entries carry no time, so the same input gives the same bytes. */
const DOS_EPOCH = (0 << 9) | (1 << 5) | 1;
const encoder = new TextEncoder();
/**
 * Parts up to this size are inflated whole when their head is asked for: one allocation is faster
 * than fflate's streaming inflate, whose buffers cost more than a small part's whole text.
 */
const HEAD_WHOLE_BYTES = 1 << 20;

export class Parts {
  /** Stored name → part, in the original's order (new parts last). */
  private readonly parts = new Map<string, Part>();
  /** partKey → stored name: part names compare case-insensitively (OPC Part 2 §9.1.1). */
  private readonly keys = new Map<string, string>();

  static open(bytes: Uint8Array): Parts {
    const p = new Parts();
    for (const e of readZip(bytes).entries) if (!e.name.endsWith("/")) p.put(e.name, { copy: e });
    return p;
  }

  private put(name: string, part: Part): void {
    const key = partKey(name);
    const stored = this.keys.get(key) ?? name;
    this.keys.set(key, stored);
    this.parts.set(stored, part);
  }

  /** The stored name of a part, whatever the case or percent-encoding asked for. */
  private stored(name: string): string | undefined {
    return this.keys.get(partKey(name));
  }

  has(name: string): boolean {
    return this.stored(name) !== undefined;
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  text(name: string): string | undefined {
    const n = this.stored(name);
    const p = n === undefined ? undefined : this.parts.get(n);
    if (!p) return undefined;
    if ("copy" in p) return decodeUtf8(entryBytes(p.copy));
    return typeof p.data === "string" ? p.data : decodeUtf8(p.data);
  }

  /**
   * The part's text up to the first match of `until` (the whole part when there is none). A large
   * stored part is inflated only as far as that: a big sheet's head without its cells.
   */
  head(name: string, until: RegExp): string | undefined {
    const n = this.stored(name);
    const p = n === undefined ? undefined : this.parts.get(n);
    if (!p || !("copy" in p) || p.copy.method !== 8 || p.copy.size <= HEAD_WHOLE_BYTES) {
      const t = this.text(name);
      if (t === undefined) return undefined;
      const at = t.search(until);
      return at >= 0 ? t.slice(0, at) : t;
    }
    let text = "";
    let found = -1;
    const decoder = new TextDecoder("utf-8");
    const inflate = new Inflate((chunk) => {
      if (found < 0) {
        text += decoder.decode(chunk, { stream: true });
        found = text.search(until);
      }
    });
    const raw = p.copy.raw;
    for (let i = 0; i < raw.length && found < 0; i += 65536) inflate.push(raw.subarray(i, i + 65536), i + 65536 >= raw.length);
    return found >= 0 ? text.slice(0, found) : text;
  }

  set(name: string, data: string | Uint8Array): void {
    this.put(name, { data });
  }

  remove(name: string): void {
    const n = this.stored(name);
    if (n === undefined) return;
    this.parts.delete(n);
    this.keys.delete(partKey(n));
  }

  /** The package as a zip: copied parts as they were stored, new ones deflated (level 1) by `deflate` or fflate. */
  toZip(deflate?: Deflate): Uint8Array {
    const inputs: ZipInput[] = [];
    for (const [name, p] of this.parts) {
      if ("copy" in p) inputs.push({ name, copy: p.copy });
      else if (!deflate) inputs.push({ name, data: p.data });
      else {
        const data = typeof p.data === "string" ? encoder.encode(p.data) : p.data;
        const raw = deflate(data);
        inputs.push({ name, copy: { name, method: 8, crc32: crc32(data), compressedSize: raw.length, size: data.length, time: 0, date: DOS_EPOCH, raw } });
      }
    }
    return writeZip(inputs);
  }
}

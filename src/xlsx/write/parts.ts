/**
 * The parts of a package being written: each either copied from the original zip as it is stored
 * (never inflated unless read, never deflated again) or replaced by new data. Host-neutral.
 */
import { Inflate } from "fflate";
import { partKey } from "../opc";
import { decodeUtf8, deflatedLater, entryBytes, FFLATE_CODEC, readZip, writeZip, type ZipCodec, type ZipEntry, type ZipInput } from "../zip";

/** New data may already be deflating elsewhere (Parts.later). */
type Part = { copy: ZipEntry } | { data: string | Uint8Array; deflated?: Promise<ZipEntry> };

/** New parts from this size on are deflated ahead where the codec can (a summary's sheet, its chart). */
const AHEAD_BYTES = 1 << 16;

/**
 * Parts up to this size are inflated whole when their head is asked for: one allocation is faster
 * than fflate's streaming inflate, whose buffers cost more than a small part's whole text.
 */
const HEAD_WHOLE_BYTES = 1 << 20;

export class Parts {
  /**
   * Inflates the parts read, deflates and checks the new ones: fflate by default, the host's own
   * where faster (Node's zlib; a build reads the head of every user sheet).
   */
  constructor(private readonly codec: ZipCodec = FFLATE_CODEC) {}

  /** Large new parts start deflating when set (the codec's deflateRawLater); toZipLater collects them. */
  private ahead = false;

  /** Stored name → part, in the original's order (new parts last). */
  private readonly parts = new Map<string, Part>();
  /** partKey → stored name: part names compare case-insensitively (OPC Part 2 §9.1.1). */
  private readonly keys = new Map<string, string>();

  static open(bytes: Uint8Array, codec?: ZipCodec, opts: { ahead?: boolean } = {}): Parts {
    const p = new Parts(codec);
    p.ahead = opts.ahead === true && p.codec.deflateRawLater !== undefined;
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
    if ("copy" in p) return decodeUtf8(entryBytes(p.copy, this.codec));
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
    if (!this.ahead || data.length < AHEAD_BYTES) return this.put(name, { data });
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const deflated = deflatedLater(name, bytes, this.codec);
    // A part set again before the zip is made leaves its first deflate unread: not an unhandled failure.
    deflated.catch(() => undefined);
    this.put(name, { data: bytes, deflated });
  }

  remove(name: string): void {
    const n = this.stored(name);
    if (n === undefined) return;
    this.parts.delete(n);
    this.keys.delete(partKey(n));
  }

  /** The package as a zip: copied parts as they were stored, new ones deflated (level 1) by the codec. */
  toZip(): Uint8Array {
    const inputs: ZipInput[] = [];
    for (const [name, p] of this.parts) inputs.push("copy" in p ? { name, copy: p.copy } : { name, data: p.data });
    return writeZip(inputs, this.codec);
  }

  /** The zip, once the parts deflated ahead are done (opened with `ahead`). */
  async toZipLater(): Promise<Uint8Array> {
    const inputs: ZipInput[] = [];
    for (const [name, p] of this.parts) {
      if ("copy" in p) inputs.push({ name, copy: p.copy });
      else if (p.deflated) inputs.push({ name, copy: { ...(await p.deflated), name } });
      else inputs.push({ name, data: p.data });
    }
    return writeZip(inputs, this.codec);
  }
}

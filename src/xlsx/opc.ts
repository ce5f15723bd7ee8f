/**
 * The Open Packaging Conventions (ECMA-376 Part 2) over a zip: content types, relationships, and
 * part names resolved as the conventions say — relative to the source part, absolute ("/xl/…"),
 * "./" and "../", percent-encoded, compared case-insensitively (Part 2 §9.1.1: part names are
 * equivalent ignoring ASCII case). The office document is the one `/_rels/.rels` names, never an
 * assumed xl/workbook.xml. Transitional and Strict relationship types are both recognised.
 * Host-neutral (no Node APIs).
 */
import { decodeUtf8, entryBytes, readZip, type ReadZipOptions, type ZipArchive, type ZipEntry } from "./zip";
import { attr, parseXml } from "./xml";

export const NS_PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const NS_CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
/** The namespace of r:id attributes and the base of relationship types, transitional and Strict. */
export const NS_REL_TRANSITIONAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const NS_REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const NS_REL = [NS_REL_TRANSITIONAL, NS_REL_STRICT] as const;

export interface Rel {
  id: string;
  type: string;
  /** The target as written (still relative and percent-encoded). */
  target: string;
  external: boolean;
}

/**
 * The kind of an office relationship type ("officeDocument", "worksheet", "sharedStrings" …)
 * whether written with the transitional or the Strict base; null for other types.
 */
export function relKind(type: string): string | null {
  for (const base of NS_REL) {
    if (type.length > base.length + 1 && type.startsWith(base) && type[base.length] === "/") return type.slice(base.length + 1);
  }
  return null;
}

/** The relationships part of a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels"; "" (the package) → "_rels/.rels". */
export function relsPartName(source: string): string {
  const i = source.lastIndexOf("/");
  return `${source.slice(0, i + 1)}_rels/${source.slice(i + 1)}.rels`;
}

/** The source part of a relationships part (the inverse of relsPartName), or null if `rels` is not one. */
export function relsSource(rels: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(rels);
  return m ? m[1] + m[2] : null;
}

/**
 * A relationship target resolved against its source part (RFC 3986 §5.2, as Part 2 §9.3 says):
 * the part name without its leading "/" ("xl/worksheets/sheet1.xml"), percent-encoding kept as
 * written (Package.entry decodes it when looking the part up). A fragment is dropped. Backslashes
 * are read as slashes, which some producers write.
 */
export function resolveTarget(source: string, target: string): string {
  const t = target.replace(/\\/g, "/").replace(/[#?].*$/, "");
  const segments = t.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const seg of t.split("/")) {
    if (seg === "..") segments.pop();
    else if (seg !== "." && seg !== "") segments.push(seg);
  }
  return segments.join("/");
}

/** The relative target a relationship from `source` to `part` (both part names) writes: resolveTarget's inverse. */
export function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(0, -1);
  const to = part.split("/");
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => ".."), ...to.slice(i)].join("/");
}

/** A part name as a comparison key: percent-decoded and case-folded. */
export function partKey(name: string): string {
  return percentDecode(name.replace(/^\//, "")).toLowerCase();
}

/**
 * A new part's name, dir + stem + n + "." + ext with the least n ≥ 1 that `taken` refuses; the
 * name is then taken (added to `taken` by its partKey).
 */
export function freePartName(taken: Set<string>, dir: string, stem: string, ext: string, alsoTaken: (name: string) => boolean = () => false): string {
  for (let n = 1; ; n++) {
    const name = `${dir}${stem}${n}.${ext}`;
    const key = partKey(name);
    if (!taken.has(key) && !alsoTaken(name)) {
      taken.add(key);
      return name;
    }
  }
}

function percentDecode(s: string): string {
  if (!s.includes("%")) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The relationships in a relationships part's XML (namespace-aware, any prefix). */
export function parseRels(xml: string, part = "relationships"): Rel[] {
  const rels: Rel[] = [];
  parseXml(part, xml, {
    open(tag) {
      // A producer that forgot the namespace is read too: the element's name says what it is.
      if (tag.local !== "Relationship" || (tag.uri !== NS_PACKAGE_RELS && tag.uri !== "")) return;
      const id = attr(tag, "Id");
      const type = attr(tag, "Type");
      const target = attr(tag, "Target");
      if (id === undefined || type === undefined || target === undefined) return;
      rels.push({ id, type, target, external: attr(tag, "TargetMode") === "External" });
    },
  });
  return rels;
}

export interface ContentTypes {
  /** Lower-case extension (no dot) → content type. */
  defaults: Map<string, string>;
  /** partKey → content type. */
  overrides: Map<string, string>;
}

export function parseContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  parseXml("[Content_Types].xml", xml, {
    open(tag) {
      if (tag.uri !== NS_CONTENT_TYPES && tag.uri !== "") return;
      const type = attr(tag, "ContentType");
      if (type === undefined) return;
      if (tag.local === "Default") {
        const ext = attr(tag, "Extension");
        if (ext !== undefined) defaults.set(ext.toLowerCase(), type);
      } else if (tag.local === "Override") {
        const name = attr(tag, "PartName");
        if (name !== undefined) overrides.set(partKey(name), type);
      }
    },
  });
  return { defaults, overrides };
}

/** The content type of a part: its Override, else the Default for its extension. */
export function contentTypeOf(types: ContentTypes, part: string): string | undefined {
  const o = types.overrides.get(partKey(part));
  if (o !== undefined) return o;
  const dot = part.lastIndexOf(".");
  return dot > part.lastIndexOf("/") ? types.defaults.get(part.slice(dot + 1).toLowerCase()) : undefined;
}

/** A target of a relationship together with the part it resolves to. */
export interface Related {
  rel: Rel;
  part: string;
}

/** An opened package: its parts by name (any case, any percent-encoding), relationships and content types. */
export class Package {
  private readonly byKey = new Map<string, ZipEntry>();
  private readonly relsCache = new Map<string, Rel[]>();
  private types: ContentTypes | null = null;

  constructor(readonly zip: ZipArchive) {
    for (const e of zip.entries) {
      const k = partKey(e.name);
      if (!this.byKey.has(k)) this.byKey.set(k, e);
    }
  }

  /** Open the bytes of a package (throws ZipError). */
  static open(bytes: Uint8Array, opts?: ReadZipOptions): Package {
    return new Package(readZip(bytes, opts));
  }

  /** The zip entry of a part ("xl/workbook.xml" or "/xl/workbook.xml"). */
  entry(part: string): ZipEntry | undefined {
    return this.zip.get(part.replace(/^\//, "")) ?? this.byKey.get(partKey(part));
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  bytes(part: string): Uint8Array | undefined {
    const e = this.entry(part);
    return e ? entryBytes(e, this.zip.codec) : undefined;
  }

  /** A part's text: UTF-8, or UTF-16 when it starts with that byte-order mark (OPC allows both encodings for XML parts). */
  text(part: string): string | undefined {
    const b = this.bytes(part);
    if (!b) return undefined;
    if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return new TextDecoder(b[0] === 0xff ? "utf-16le" : "utf-16be").decode(b);
    return decodeUtf8(b);
  }

  /** The relationships of a part ("" for the package's own); none when it has no relationships part. */
  rels(source: string): Rel[] {
    const key = partKey(source);
    let r = this.relsCache.get(key);
    if (!r) {
      const name = relsPartName(source);
      const xml = this.text(name);
      r = xml === undefined ? [] : parseRels(xml, name);
      this.relsCache.set(key, r);
    }
    return r;
  }

  /** The internal targets of a part's relationships of this office kind ("worksheet" …), resolved. */
  related(source: string, kind: string): Related[] {
    return this.rels(source)
      .filter((r) => !r.external && relKind(r.type) === kind)
      .map((rel) => ({ rel, part: resolveTarget(source, rel.target) }));
  }

  /** The relationship of `source` with this id, resolved (null when missing or external). */
  byId(source: string, id: string): Related | null {
    const rel = this.rels(source).find((r) => r.id === id);
    return rel && !rel.external ? { rel, part: resolveTarget(source, rel.target) } : null;
  }

  contentTypes(): ContentTypes {
    if (!this.types) {
      const xml = this.text("[Content_Types].xml");
      this.types = xml === undefined ? { defaults: new Map(), overrides: new Map() } : parseContentTypes(xml);
    }
    return this.types;
  }

  contentType(part: string): string | undefined {
    return contentTypeOf(this.contentTypes(), part);
  }

  /** The office document (the workbook part) named by the package relationships, or null. */
  officeDocument(): string | null {
    return this.related("", "officeDocument")[0]?.part ?? null;
  }
}

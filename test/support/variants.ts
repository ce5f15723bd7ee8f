/**
 * XML-level variants of the bundled sample, made here rather than committed as opaque files: the
 * same workbook as other producers write it — namespace prefixes, Strict namespaces, absolute and
 * "./" targets, renamed and percent-encoded parts, inline and rich strings, shared formulas, other
 * number formats, cells without references, pretty-printed, CDATA and character references,
 * UTF-16 parts, unknown parts. Each keeps the sample's values; `expect` says what else it changes.
 */
import { readFileSync } from "fs";
import path from "path";
import { entryBytes, readZip, writeZip, type ZipInput } from "../../src/xlsx/zip";
import { unescapeXml } from "../../src/xlsx/write/xmlText";

export const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");

/** A package as its parts: name → text (XML) or bytes. Order kept. */
export type Parts = Map<string, string | Uint8Array>;

export function sampleParts(): Parts {
  const zip = readZip(readFileSync(SAMPLE));
  const parts: Parts = new Map();
  const dec = new TextDecoder();
  for (const e of zip.entries) {
    if (e.name.endsWith("/")) continue;
    const b = entryBytes(e);
    parts.set(e.name, /\.(xml|rels)$/.test(e.name) ? dec.decode(b) : b);
  }
  return parts;
}

export function packParts(parts: Parts): Uint8Array {
  const inputs: ZipInput[] = [...parts].map(([name, data]) => ({ name, data }));
  return writeZip(inputs);
}

const SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const SML_STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const DML = "http://schemas.openxmlformats.org/drawingml/2006/main";
const DML_STRICT = "http://purl.oclc.org/ooxml/drawingml/main";

const text = (parts: Parts, name: string) => parts.get(name) as string;
const isXml = (name: string) => /\.(xml|rels)$/.test(name);
const unitSheets = [
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/sheet3.xml",
  "xl/worksheets/sheet4.xml",
  "xl/worksheets/sheet5.xml",
  "xl/worksheets/sheet6.xml",
  "xl/worksheets/sheet7.xml",
];

/** Every element of the part's default namespace written with `prefix:` instead. */
export function prefixed(xml: string, prefix: string): string {
  const root = /<([A-Za-z_][\w.:-]*)[\s>]/.exec(xml.replace(/<\?[\s\S]*?\?>/g, ""))![1];
  // A part whose root is prefixed already (the theme's <a:theme>) stays as it is.
  const ns = new RegExp(`<${root}\\b[^>]*\\sxmlns="([^"]*)"`).exec(xml)?.[1];
  if (root.includes(":") || ns === undefined) return xml;
  return xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, `<$1${prefix}:$2`).replace(` xmlns="${ns}"`, ` xmlns:${prefix}="${ns}"`);
}

/** Rename a part: its zip entry, its content-type override, and every relationship target to it (given how to write that target). */
function rename(parts: Parts, from: string, to: string, relsPart: string, oldTarget: string, newTarget: string): void {
  const data = parts.get(from)!;
  parts.delete(from);
  parts.set(to, data);
  parts.set("[Content_Types].xml", text(parts, "[Content_Types].xml").replace(`PartName="/${from}"`, `PartName="/${to.split("/").map(encodeURIComponent).join("/")}"`));
  parts.set(relsPart, text(parts, relsPart).replace(`Target="${oldTarget}"`, `Target="${newTarget}"`));
}

function sharedStrings(parts: Parts): string[] {
  return [...text(parts, "xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1]).join(""));
}

export interface Variant {
  name: string;
  make(parts: Parts): void;
  /** Cells whose formula the variant sets (given the sample's parts): sheet → address → formula ("=…"). */
  formulas?: (parts: Parts) => Record<string, Record<string, string>>;
  /** Cells whose number format it sets. */
  formats?: Record<string, Record<string, string>>;
  date1904?: boolean;
}

/** The consecutive runs of the STT column (A7, A8 … numbered n, n+1 …) in a unit sheet. */
function sttRuns(xml: string): { row: number; value: number }[][] {
  const cells = [...xml.matchAll(/<c r="A(\d+)"><v>(\d+)<\/v><\/c>/g)].map((m) => ({ row: Number(m[1]), value: Number(m[2]) }));
  const runs: { row: number; value: number }[][] = [];
  for (const c of cells) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.row === c.row - 1 && prev.value === c.value - 1) last.push(c);
    else runs.push([c]);
  }
  return runs.filter((r) => r.length >= 3);
}

function sheetNameOf(parts: Parts, part: string): string {
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const id = new RegExp(`Id="([^"]+)"[^>]*Target="${part.replace("xl/", "")}"`).exec(rels)![1];
  return unescapeXml(new RegExp(`name="([^"]+)"[^>]*r:id="${id}"`).exec(text(parts, "xl/workbook.xml"))![1]);
}

export const VARIANTS: Variant[] = [
  {
    name: "every part prefixed (Open XML SDK style), relationships and content types too",
    make: (parts) => {
      const prefixes: Record<string, string> = { ".rels": "pr", "[Content_Types].xml": "ct", "theme1.xml": "a", "core.xml": "cp", "app.xml": "ep" };
      for (const [name, data] of parts) {
        if (!isXml(name) || typeof data !== "string") continue;
        const key = Object.keys(prefixes).find((k) => name.endsWith(k));
        parts.set(name, prefixed(data, key ? prefixes[key] : "x"));
      }
    },
  },
  ...[
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/sharedStrings.xml",
    "xl/styles.xml",
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet4.xml",
    "xl/worksheets/sheet8.xml",
  ].map((part): Variant => ({ name: `only ${part} prefixed`, make: (parts) => parts.set(part, prefixed(text(parts, part), "ns0")) })),
  {
    name: "Strict (ISO 29500) namespaces and relationship types",
    make: (parts) => {
      for (const [name, data] of parts) {
        if (typeof data !== "string") continue;
        parts.set(name, data.split(SML).join(SML_STRICT).split(REL).join(REL_STRICT).split(DML).join(DML_STRICT));
      }
      parts.set("xl/workbook.xml", text(parts, "xl/workbook.xml").replace("<workbook ", '<workbook conformance="strict" '));
    },
  },
  {
    name: "absolute targets",
    make: (parts) => {
      parts.set("_rels/.rels", text(parts, "_rels/.rels").replace(/Target="(?!\/)/g, 'Target="/'));
      parts.set("xl/_rels/workbook.xml.rels", text(parts, "xl/_rels/workbook.xml.rels").replace(/Target="/g, 'Target="/xl/'));
    },
  },
  {
    name: "./ targets",
    make: (parts) => {
      parts.set("_rels/.rels", text(parts, "_rels/.rels").replace(/Target="/g, 'Target="./'));
      parts.set("xl/_rels/workbook.xml.rels", text(parts, "xl/_rels/workbook.xml.rels").replace(/Target="/g, 'Target="./'));
    },
  },
  {
    name: "renamed parts: unit sheets, a percent-encoded Vietnamese name, another case, the workbook and strings moved",
    make: (parts) => {
      const rels = "xl/_rels/workbook.xml.rels";
      rename(parts, "xl/worksheets/sheet3.xml", "xl/worksheets/unit1.xml", rels, "worksheets/sheet3.xml", "worksheets/unit1.xml");
      rename(parts, "xl/worksheets/sheet4.xml", "xl/data/Đơn vị 4.xml", rels, "worksheets/sheet4.xml", "data/%C4%90%C6%A1n%20v%E1%BB%8B%204.xml");
      rename(parts, "xl/worksheets/sheet5.xml", "xl/Worksheets/Sheet5.XML", rels, "worksheets/sheet5.xml", "worksheets/sheet5.xml");
      rename(parts, "xl/sharedStrings.xml", "xl/strings/sst.xml", rels, "sharedStrings.xml", "../xl/strings/sst.xml");
      // The workbook elsewhere: its targets are relative to its new folder.
      const wbRels = text(parts, rels).replace(/Target="(?!\.\.\/)/g, 'Target="../xl/');
      parts.delete(rels);
      parts.set("book/_rels/main.xml.rels", wbRels);
      const wb = parts.get("xl/workbook.xml")!;
      parts.delete("xl/workbook.xml");
      parts.set("book/main.xml", wb);
      parts.set("_rels/.rels", text(parts, "_rels/.rels").replace('Target="xl/workbook.xml"', 'Target="book/main.xml"'));
      parts.set("[Content_Types].xml", text(parts, "[Content_Types].xml").replace('PartName="/xl/workbook.xml"', 'PartName="/book/main.xml"'));
    },
  },
  {
    name: "inline strings, no shared-strings part",
    make: (parts) => {
      const strings = sharedStrings(parts);
      for (const s of unitSheets.concat("xl/worksheets/sheet1.xml", "xl/worksheets/sheet8.xml")) {
        parts.set(
          s,
          text(parts, s).replace(
            /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
            (_, a: string, b: string, i: string) => `<c ${a}t="inlineStr"${b}><is><t xml:space="preserve">${strings[Number(i)]}</t></is></c>`,
          ),
        );
      }
      parts.delete("xl/sharedStrings.xml");
      parts.set("xl/_rels/workbook.xml.rels", text(parts, "xl/_rels/workbook.xml.rels").replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
      parts.set("[Content_Types].xml", text(parts, "[Content_Types].xml").replace(/<Override PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, ""));
    },
  },
  {
    name: "rich-text shared strings with formatting runs and phonetic runs",
    make: (parts) => {
      const sst = text(parts, "xl/sharedStrings.xml").replace(/<si><t([^>]*)>([\s\S]*?)<\/t><\/si>/g, (whole, attrs: string, t: string) => {
        // Split between characters, never inside an entity.
        const cut = t.search(/ [^&]/);
        if (cut < 1) return `<si><r><t${attrs}>${t}</t></r><rPh sb="0" eb="1"><t>カナ</t></rPh></si>`;
        return `<si><r><rPr><b/><sz val="11"/><rFont val="Times New Roman"/></rPr><t xml:space="preserve">${t.slice(0, cut)}</t></r><r><t xml:space="preserve">${t.slice(cut)}</t></r><rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="1"/></si>`;
      });
      parts.set("xl/sharedStrings.xml", sst);
    },
  },
  {
    name: "shared formulas down the STT column",
    make: (parts) => {
      for (const s of unitSheets) {
        let xml = text(parts, s);
        sttRuns(xml).forEach((run, si) => {
          const first = run[1].row;
          const last = run[run.length - 1].row;
          run.slice(1).forEach((c, k) => {
            const f = k === 0 ? `<f t="shared" ref="A${first}:A${last}" si="${si}">A${c.row - 1}+1</f>` : `<f t="shared" si="${si}"/>`;
            xml = xml.replace(`<c r="A${c.row}"><v>${c.value}</v></c>`, `<c r="A${c.row}">${f}<v>${c.value}</v></c>`);
          });
        });
        parts.set(s, xml);
      }
    },
    formulas: (parts) => {
      const out: Record<string, Record<string, string>> = {};
      for (const s of unitSheets) {
        const cells: Record<string, string> = {};
        for (const run of sttRuns(text(parts, s))) for (const c of run.slice(1)) cells[`A${c.row}`] = `=A${c.row - 1}+1`;
        out[sheetNameOf(parts, s)] = cells;
      }
      return out;
    },
  },
  {
    name: "date and percent formats (custom and built-in ids), 1904 date system",
    make: (parts) => {
      parts.set(
        "xl/styles.xml",
        text(parts, "xl/styles.xml")
          .replace('<numFmts count="1">', '<numFmts count="2"><numFmt numFmtId="165" formatCode="dd/mm/yyyy;@"/>')
          .replace(
            /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/,
            (_, n: string, body: string) =>
              `<cellXfs count="${Number(n) + 3}">${body}<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>`,
          ),
      );
      const s = "xl/worksheets/sheet2.xml";
      parts.set(
        s,
        text(parts, s).replace('<c r="A7"><v>', '<c r="A7" s="11"><v>').replace('<c r="A8"><v>', '<c r="A8" s="12"><v>').replace('<c r="A9"><v>', '<c r="A9" s="13"><v>'),
      );
      parts.set("xl/workbook.xml", text(parts, "xl/workbook.xml").replace("<workbookPr ", '<workbookPr date1904="1" '));
    },
    formats: { BCA: { A7: "dd/mm/yyyy;@", A8: "0.00%", A9: "mm-dd-yy" } },
    date1904: true,
  },
  {
    name: "cells and rows without references where they follow on",
    make: (parts) => {
      for (const [name, data] of parts) {
        if (!name.startsWith("xl/worksheets/") || typeof data !== "string") continue;
        let prevRow = 0;
        parts.set(
          name,
          data.replace(/<row r="(\d+)"([^>]*)>([\s\S]*?)<\/row>/g, (_, r: string, attrs: string, cells: string) => {
            let col = 0;
            const body = cells.replace(/<c r="([A-Z]+)(\d+)"/g, (whole, letters: string) => {
              const c = letters.charCodeAt(0) - 64;
              const follows = letters.length === 1 && c === col + 1;
              col = letters.length === 1 ? c : 99;
              return follows ? "<c" : whole;
            });
            const follows = Number(r) === prevRow + 1;
            prevRow = Number(r);
            return `<row${follows ? "" : ` r="${r}"`}${attrs}>${body}</row>`;
          }),
        );
      }
    },
  },
  {
    name: "pretty-printed XML, CDATA strings and character references",
    make: (parts) => {
      for (const [name, data] of parts) {
        if (!name.startsWith("xl/worksheets/") || typeof data !== "string") continue;
        parts.set(name, data.replace(/(<sheetData>|<\/row>|<\/c>|<row [^>]*>|<c [^>]*[^/]>)/g, "$1\n    ").replace(/(<\/sheetData>)/, "\n  $1"));
      }
      let k = 0;
      parts.set(
        "xl/sharedStrings.xml",
        text(parts, "xl/sharedStrings.xml").replace(/<t>([^<]*)<\/t>/g, (_, t: string) =>
          k++ % 2
            ? `<t><![CDATA[${unescapeXml(t)}]]></t>`
            : `<t>${[...unescapeXml(t)].map((ch) => (ch.charCodeAt(0) > 127 ? `&#${ch.codePointAt(0)};` : ch === "&" ? "&#x26;" : ch === "<" ? "&lt;" : ch)).join("")}</t>`,
        ),
      );
    },
  },
  {
    name: "parts in UTF-16 with a byte-order mark",
    make: (parts) => {
      for (const name of ["xl/worksheets/sheet2.xml", "xl/sharedStrings.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"]) {
        const xml = text(parts, name).replace('encoding="UTF-8"', 'encoding="UTF-16"');
        parts.set(name, new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(xml, "utf16le")])));
      }
    },
  },
  {
    name: "comments, a VML drawing, custom XML, a binary part and foreign elements, all ignored",
    make: (parts) => {
      const s = "xl/worksheets/sheet3.xml";
      parts.set(
        s,
        text(parts, s)
          .replace("</sheetData>", '<ext:c xmlns:ext="urn:example:other" r="A1"><ext:v>999</ext:v></ext:c></sheetData>')
          .replace("</worksheet>", '<legacyDrawing r:id="rId1"/></worksheet>'),
      );
      parts.set(
        "xl/worksheets/_rels/sheet3.xml.rels",
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/><Relationship Id="rId2" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
      );
      parts.set(
        "xl/comments1.xml",
        `<?xml version="1.0" encoding="UTF-8"?><comments xmlns="${SML}"><authors><author>openpyxl</author></authors><commentList><comment ref="E7" authorId="0"><text><t>Số liệu đã đối chiếu</t></text></comment></commentList></comments>`,
      );
      parts.set("xl/drawings/vmlDrawing1.vml", '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>');
      parts.set("customXml/item1.xml", '<?xml version="1.0"?><data xmlns="urn:example"><c r="A1"><v>1</v></c></data>');
      parts.set("xl/media/blob.bin", new Uint8Array([0, 1, 2, 3, 255]));
      parts.set(
        "_rels/.rels",
        text(parts, "_rels/.rels").replace("</Relationships>", `<Relationship Id="rId9" Type="${REL}/customXml" Target="customXml/item1.xml"/></Relationships>`),
      );
      parts.set(
        "xl/_rels/workbook.xml.rels",
        text(parts, "xl/_rels/workbook.xml.rels").replace("</Relationships>", '<Relationship Id="rId99" Type="urn:example:unknown" Target="media/blob.bin"/></Relationships>'),
      );
      parts.set(
        "[Content_Types].xml",
        text(parts, "[Content_Types].xml").replace(
          "</Types>",
          '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/><Default Extension="bin" ContentType="application/octet-stream"/></Types>',
        ),
      );
    },
  },
];

/** Producers' variants of a package, made from the sample in the tests. */
import { decodeUtf8, entryBytes, readZip, writeZip } from "../../src/xlsx/zip";
import { inConformance } from "../../src/xlsx/write/conformance";

/** The same package as a Strict (ISO/IEC 29500) producer writes it: every part's namespaces moved to Strict. */
export function toStrictPackage(transitional: Uint8Array): Uint8Array {
  const entries = readZip(transitional).entries.filter((e) => !e.name.endsWith("/"));
  return writeZip(
    entries.map((e) => {
      if (!/\.(xml|rels)$/i.test(e.name)) return { name: e.name, copy: e };
      const xml = inConformance(decodeUtf8(entryBytes(e)), "strict");
      // The workbook says so too, as Excel's "Strict Open XML Spreadsheet" does.
      return { name: e.name, data: /<workbook\b/.test(xml) ? xml.replace(/<workbook\b/, '<workbook conformance="strict"') : xml };
    }),
  );
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/**
 * The same package as the Open XML SDK writes it: SpreadsheetML elements with an `x:` prefix
 * instead of a default namespace.
 */
export function toPrefixedPackage(plain: Uint8Array): Uint8Array {
  const entries = readZip(plain).entries.filter((e) => !e.name.endsWith("/"));
  return writeZip(
    entries.map((e) => {
      const xml = /\.xml$/i.test(e.name) ? decodeUtf8(entryBytes(e)) : "";
      if (!xml.includes(`xmlns="${MAIN}"`)) return { name: e.name, copy: e };
      const prefixed = xml.replace(/<(\/?)([A-Za-z_][\w.-]*)(?=[\s/>])/g, "<$1x:$2").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
      return { name: e.name, data: prefixed };
    }),
  );
}

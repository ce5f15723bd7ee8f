/** The same package as a Strict (ISO/IEC 29500) producer writes it: every part's namespaces moved to Strict. */
import { decodeUtf8, entryBytes, readZip, writeZip } from "../../src/xlsx/zip";
import { inConformance } from "../../src/xlsx/write/conformance";

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

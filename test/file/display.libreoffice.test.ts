/**
 * A build writes into the user's package without changing how any user sheet displays: every user
 * sheet exported by LibreOffice "as shown" is the same text before and after, for a transitional
 * a Strict (ISO/IEC 29500) and a prefixed (`<x:worksheet>`) input, and the new parts of a Strict
 * package are Strict too.
 * Run by `npm run test:libreoffice`; missing LibreOffice fails.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { buildBloc } from "../../src/core/pipeline";
import { loadWorkbook } from "../../src/file/load";
import { writePlanIntoPackage } from "../../src/file/package";
import { readZip, entryText } from "../../src/xlsx/zip";
import { displayedSheets } from "../support/libreoffice";
import { toPrefixedPackage, toStrictPackage } from "../support/producers";
import { SAMPLE } from "../support/userPackage";

const NAMESPACES = {
  transitional: ["http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"],
  Strict: ["http://purl.oclc.org/ooxml/spreadsheetml/main", "http://purl.oclc.org/ooxml/officeDocument/relationships"],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-display-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["transitional", (b: Buffer) => b],
  ["Strict", (b: Buffer) => Buffer.from(toStrictPackage(b))],
  ["prefixed (x:)", (b: Buffer) => Buffer.from(toPrefixedPackage(b))],
])("a build into a %s workbook", (kind, make) => {
  let input: string;
  let output: string;
  let outputNames: string[];
  beforeAll(async () => {
    const original = make(readFileSync(SAMPLE));
    input = path.join(dir, `${kind}.xlsx`);
    writeFileSync(input, original);
    // The plan from the sample's snapshot (the same cells in both classes).
    const { snapshot } = await loadWorkbook(SAMPLE);
    const { plan } = buildBloc(snapshot, { lang: "vi", now: "2024-01-15T03:00:00.000Z", utcOffsetMinutes: 420 });
    outputNames = plan.sheets.map((s) => s.name);
    output = path.join(dir, `${kind}-built.xlsx`);
    writeFileSync(output, await writePlanIntoPackage(original, plan));
  });

  it("leaves every user sheet displaying exactly as before (LibreOffice, as shown)", () => {
    const before = displayedSheets(input, path.join(dir, `${kind}-before`));
    const after = displayedSheets(output, path.join(dir, `${kind}-after`));
    expect(before.size).toBe(8);
    for (const [name, text] of before) {
      expect(text.length).toBeGreaterThan(20);
      expect({ sheet: name, text: after.get(name) }).toEqual({ sheet: name, text });
    }
    // The outputs are there and show the figures.
    for (const name of outputNames) expect(after.get(name)?.length ?? 0).toBeGreaterThan(100);
    expect([...after.keys()].sort()).toEqual([...before.keys(), ...outputNames].sort());
  }, 180_000);

  it("writes the new parts in the package's own conformance class", () => {
    const zip = readZip(readFileSync(output));
    const wb = entryText(zip.get("xl/workbook.xml")!);
    const own = NAMESPACES[kind === "Strict" ? "Strict" : "transitional"];
    const other = NAMESPACES[kind === "Strict" ? "transitional" : "Strict"];
    expect(wb).toContain(own[0]);
    let sheets = 0;
    for (const e of zip.entries.filter((x) => /^xl\/(worksheets|charts|drawings)\/[^/]+\.xml$|^xl\/_rels\//.test(x.name))) {
      const xml = entryText(e);
      expect({ part: e.name, other: other.filter((ns) => xml.includes(ns)) }).toEqual({ part: e.name, other: [] });
      if (e.name.startsWith("xl/worksheets/")) sheets++;
    }
    expect(sheets).toBe(8 + outputNames.length);
  });
});

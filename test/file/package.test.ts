/**
 * The command line keeps the user's package: only the generated sheets are written into it. What
 * exceljs does not model (here a chart on a unit sheet) survives byte for byte, defined names keep
 * pointing at their sheets, the user's styles are unchanged, and a rebuild leaves no orphan part.
 * LibreOffice's recalculation of the result: package.libreoffice.test.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { attr, build, buildUserPackage, SAMPLE, sheetOrder, SUMMARY, text, unescape, UNKNOWN_PART, UNKNOWN_REL } from "../support/userPackage";
import { mergeStyles } from "../../src/xlsx/write/styles";
import { readWorkbook } from "../../src/xlsx/read";
import { writePlanIntoPackageBytes } from "../../src/xlsx/write/package";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-pkg-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files = (zip: JSZip) => Object.keys(zip.files).filter((f) => !zip.files[f].dir);
const relsOf = (part: string) => `${path.posix.dirname(part)}/_rels/${path.posix.basename(part)}.rels`;

/** Parts the build may rewrite; every other part of the input must come out byte for byte. */
const REWRITTEN = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml", "xl/styles.xml", "xl/calcChain.xml"]);

describe("the CLI writes into the user's package", () => {
  let input: string;
  let inZip: JSZip;
  let out1: JSZip;
  let out2: JSZip;
  beforeAll(async () => {
    ({ input, inZip, out1, out2 } = await buildUserPackage(dir));
  }, 60_000);

  it("(a) keeps every part of the user's sheets — a chart exceljs drops and an unknown part included — byte for byte", async () => {
    const userChart = files(inZip).filter((f) => f.startsWith("xl/charts/"));
    expect(userChart.length).toBeGreaterThan(0);
    for (const out of [out1, out2]) {
      const btp = (await sheetOrder(inZip)).find((s) => s.name === "BTP")!.part;
      for (const f of files(inZip)) {
        if (REWRITTEN.has(f) || f === btp) continue;
        const a = await inZip.file(f)!.async("nodebuffer");
        const b = await out.file(f)?.async("nodebuffer");
        expect({ part: f, same: b !== undefined && a.equals(b) }).toEqual({ part: f, same: true });
      }
    }
    // The unknown part is still the workbook's, with its content type.
    expect(files(inZip)).toContain(UNKNOWN_PART);
    for (const out of [out1, out2]) {
      expect(await text(out, "xl/_rels/workbook.xml.rels")).toContain(`Type="${UNKNOWN_REL}" Target="custom/data.xml"`);
      expect(await text(out, "[Content_Types].xml")).toContain(`<Override PartName="/${UNKNOWN_PART}" ContentType="application/vnd.example.bloc+xml"/>`);
    }
    // The user's sheet still refers to its drawing, which still refers to the chart.
    const bca = (await sheetOrder(out2)).find((s) => s.name === "BCA")!;
    expect(await text(out2, bca.part)).toMatch(/<drawing r:id="/);
    expect(await text(out2, relsOf(bca.part))).toContain("drawing");
  });

  it("(a′) exceljs's own save would have dropped that chart (so the test means something)", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(input) as unknown as ArrayBuffer);
    const z = await JSZip.loadAsync(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(files(z).some((f) => f.startsWith("xl/charts/"))).toBe(false);
  });

  it("puts the outputs first, the summary active, and the user's sheets after them in their order", async () => {
    const inOrder = (await sheetOrder(inZip)).map((s) => s.name);
    for (const out of [out1, out2]) {
      const order = (await sheetOrder(out)).map((s) => s.name);
      expect(order.slice(order.length - inOrder.length)).toEqual(inOrder);
      expect(order[0]).toBe(SUMMARY);
      const wb = await text(out, "xl/workbook.xml");
      expect(attr(/<workbookView\s[^>]*>/.exec(wb)![0], "activeTab")).toBe("0");
      const ids = [...wb.matchAll(/<sheet\s[^>]*>/g)].map((m) => attr(m[0], "sheetId"));
      expect(new Set(ids).size).toBe(ids.length);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, "out2.xlsx")) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual((await sheetOrder(out2)).map((s) => s.name));
  });

  it("leaves only the summary selected (the user's selected tab is deselected, its cells untouched)", async () => {
    const before = await text(inZip, (await sheetOrder(inZip)).find((s) => s.name === "BTP")!.part);
    expect(before).toContain('tabSelected="1"');
    for (const out of [out1, out2]) {
      const selected: string[] = [];
      for (const s of await sheetOrder(out)) if (/<sheetView\b[^>]*tabSelected="1"/.test(await text(out, s.part))) selected.push(s.name);
      expect(selected).toEqual([SUMMARY]);
      const after = await text(out, (await sheetOrder(out)).find((s) => s.name === "BTP")!.part);
      expect(after.replace('tabSelected="0" ', "")).toBe(before.replace('tabSelected="1" ', ""));
    }
  });

  it("the reader marks the selected tab, and the writer trusts it: a sheet said unselected keeps its head unread", async () => {
    const bytes = readFileSync(input);
    const snapshot = readWorkbook(bytes);
    expect(snapshot.sheets.filter((s) => s.tabSelected).map((s) => s.name)).toEqual(["BTP"]);
    const selectedOut = async (unselectedSheets: string[]) => {
      const out = await JSZip.loadAsync(writePlanIntoPackageBytes(bytes, { sheets: [], remove: [], activate: "BTP" }, { unselectedSheets }));
      const selected: string[] = [];
      for (const s of await sheetOrder(out)) if (/<sheetView\b[^>]*tabSelected="1"/.test(await text(out, s.part))) selected.push(s.name);
      return selected;
    };
    // What the CLI passes: every sheet but BTP. BTP's head is looked at and unselected.
    expect(await selectedOut(snapshot.sheets.filter((s) => !s.tabSelected).map((s) => s.name))).toEqual([]);
    // Said unselected, BTP is not looked at (the proof that the heads of the others are skipped).
    expect(await selectedOut(["BTP"])).toEqual(["BTP"]);
  });

  it("(b) keeps defined names pointing at their sheets; names on a replaced output point at its successor", async () => {
    for (const [out, rebuilt] of [
      [out1, false],
      [out2, true],
    ] as const) {
      const order = (await sheetOrder(out)).map((s) => s.name);
      const wb = await text(out, "xl/workbook.xml");
      const names = [...wb.matchAll(/<definedName\s[^>]*>[^<]*<\/definedName>/g)].map((m) => ({
        name: attr(m[0], "name"),
        local: attr(m[0], "localSheetId"),
        ref: unescape(/>([^<]*)</.exec(m[0])![1]),
      }));
      expect(names).toEqual([
        { name: "_xlnm.Print_Area", local: String(order.indexOf("BTP")), ref: "BTP!$A$1:$F$20" },
        { name: "MucTieu", local: undefined, ref: "BQP!$B$3" },
        // Names the user put on the first build's summary: same text, the new summary's place.
        ...(rebuilt
          ? [
              { name: "CuTongHop", local: undefined, ref: `'${SUMMARY}'!$A$1` },
              { name: "_xlnm.Print_Area", local: String(order.indexOf(SUMMARY)), ref: `'${SUMMARY}'!$A$1:$C$3` },
            ]
          : []),
      ]);
      // The replaced output's cached values would be stale in the user's formulas: recalculated on open.
      expect(/<calcPr\b[^>]*fullCalcOnLoad="1"/.test(wb)).toBe(rebuilt);
    }
  });

  it("(c) leaves the user's styles as they were: original entries first and unchanged", async () => {
    const section = (xml: string, name: string) => new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(xml)?.[1] ?? "";
    const before = await text(inZip, "xl/styles.xml");
    for (const out of [out1, out2]) {
      const after = await text(out, "xl/styles.xml");
      for (const name of ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]) {
        expect(section(after, name).startsWith(section(before, name))).toBe(true);
        const count = attr(new RegExp(`<${name}\\b[^>]*>`).exec(after)?.[0] ?? "", "count");
        const child = { numFmts: "numFmt", fonts: "font", fills: "fill", borders: "border", cellStyleXfs: "xf", cellXfs: "xf" }[name]!;
        if (count !== undefined) expect(Number(count)).toBe((section(after, name).match(new RegExp(`<${child}[\\s/>]`, "g")) ?? []).length);
      }
    }
    // A rebuild reuses the styles the first build added.
    expect(await text(out2, "xl/styles.xml")).toBe(await text(out1, "xl/styles.xml"));
  });

  it("(e) a rebuild leaves no orphan part, no dangling reference, no calculation chain", async () => {
    for (const out of [out1, out2]) {
      const referenced = new Set<string>();
      for (const f of files(out).filter((f) => f.endsWith(".rels"))) {
        const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(f)!;
        const source = m[1] + m[2];
        for (const r of (await text(out, f)).matchAll(/<Relationship\s[^>]*>/g)) {
          if (attr(r[0], "TargetMode") === "External") continue;
          const target = attr(r[0], "Target")!;
          const part = target.startsWith("/") ? target.slice(1) : path.posix.normalize(path.posix.join(path.posix.dirname(source), target));
          expect({ from: f, part, exists: !!out.file(part) }).toEqual({ from: f, part, exists: true });
          referenced.add(part);
        }
      }
      for (const f of files(out)) {
        if (f === "[Content_Types].xml" || f.endsWith(".rels")) continue;
        expect({ part: f, referenced: referenced.has(f) }).toEqual({ part: f, referenced: true });
      }
      const types = await text(out, "[Content_Types].xml");
      for (const m of types.matchAll(/PartName="\/([^"]*)"/g)) expect({ override: m[1], exists: !!out.file(unescape(m[1])) }).toEqual({ override: m[1], exists: true });
      expect(out.file("xl/calcChain.xml")).toBeNull();
    }
    // One chart on the summary and the user's own: the old summary's chart went with its sheet.
    expect(files(out2).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2);
  });
});

describe("an original without a styles part", () => {
  it("gets the fresh styles, and the summary its formats", async () => {
    const zip = await JSZip.loadAsync(readFileSync(SAMPLE));
    zip.remove("xl/styles.xml");
    zip.file("xl/_rels/workbook.xml.rels", (await text(zip, "xl/_rels/workbook.xml.rels")).replace(/<Relationship [^>]*\/styles"[^>]*\/>/, ""));
    zip.file("[Content_Types].xml", (await text(zip, "[Content_Types].xml")).replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ""));
    const file = path.join(dir, "nostyles.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
    const out = await build(file, path.join(dir, "nostyles.out.xlsx"));
    expect(await text(out, "xl/_rels/workbook.xml.rels")).toMatch(/\/styles" Target="styles.xml"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path.join(dir, "nostyles.out.xlsx")) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SUMMARY)!.getCell("A1").font?.bold).toBe(true);
  });
});

describe("mergeStyles", () => {
  const FRESH =
    '<styleSheet xmlns="x"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="1" borderId="0" xfId="0" applyFont="1"><alignment horizontal="right"/></xf></cellXfs></styleSheet>';

  it("appends to an original with every section, renumbering custom formats", () => {
    const orig =
      '<x:styleSheet xmlns:x="x"><x:numFmts count="1"><x:numFmt numFmtId="170" formatCode="#,##0"/></x:numFmts><x:fonts count="1"><x:font><x:sz val="10"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill><x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills><x:borders count="1"><x:border/></x:borders>' +
      '<x:cellStyleXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></x:cellStyleXfs><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>';
    const { xml, xfMap } = mergeStyles(orig, FRESH);
    expect(xml).toContain('<x:numFmts count="2"><x:numFmt numFmtId="170" formatCode="#,##0"/><x:numFmt numFmtId="171" formatCode="0.0%"/></x:numFmts>');
    expect(xml).toContain('<x:fonts count="3">');
    expect(xml).toContain('<x:fills count="2">'); // the same two fills are reused
    expect(xfMap).toEqual([1, 2]);
    expect(xml).toContain('<x:xf numFmtId="171" fontId="2" fillId="1" borderId="1" xfId="0" applyFont="1"><x:alignment horizontal="right"/></x:xf></x:cellXfs>');
    expect(mergeStyles(xml, FRESH).xml).toBe(xml);
  });

  it("fills in missing sections in schema order, without count attributes to start from", () => {
    const { xml, xfMap } = mergeStyles('<styleSheet xmlns="x"><cellXfs><xf numFmtId="0" fontId="0"/></cellXfs><dxfs/></styleSheet>', FRESH);
    const order = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "dxfs"].map((n) => xml.indexOf(`<${n}`));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(xml).toContain('<cellXfs count="3">');
    expect(xfMap).toEqual([1, 2]);
    expect(mergeStyles('<styleSheet xmlns="x"/>', FRESH).xfMap).toEqual([0, 1]);
  });
});

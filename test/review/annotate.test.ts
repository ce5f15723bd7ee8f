/**
 * `build --annotate <copy.xlsx>`: a copy of the input with each error as a note at its cell, by the
 * same rules as the pane's comments; the input is never changed, nothing else in the copy changes.
 */
import { execFileSync } from "child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { readNotes } from "../../src/xlsx/notes";
import { dumpWorkbook, readXlsx } from "../support/cells";
import { cli } from "../support/cliRun";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bs-annotate-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function edit(file: string, out: string, f: (wb: Awaited<ReturnType<typeof readXlsx>>) => void): Promise<void> {
  const wb = await readXlsx(file);
  f(wb);
  await wb.xlsx.writeFile(out);
}

describe("build --annotate", () => {
  it("writes each error as a note at its cell into a copy, once; resolves fixed ones; leaves a person's note", async () => {
    const input = path.join(dir, "in.xlsx");
    await edit(SAMPLE, input, (wb) => {
      wb.getWorksheet("BTP")!.getCell("E7").value = "abc";
      wb.getWorksheet("BQP")!.getCell("E8").value = -4;
      // A person's note on BQP's cell before the build.
      wb.getWorksheet("BQP")!.getCell("E8").note = "Chị Lan: hỏi lại đơn vị";
    });
    const before = readFileSync(input);
    const copy = path.join(dir, "copy.xlsx");
    const r = await cli(["build", input, "--out", path.join(dir, "out.xlsx"), "--annotate", copy]);
    expect(r.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(r.out.join("\n")).toContain(`Bản sao có ghi chú lỗi tại ô: ${copy} (1 ghi chú mới, 0 đánh dấu đã xử lý; bỏ qua ô có ghi chú của người khác: BQP!E8).`);

    const notes = readNotes(readFileSync(copy));
    expect(notes.map((n) => [n.sheet, n.cell])).toEqual(
      expect.arrayContaining([
        ["BTP", "E7"],
        ["BQP", "E8"],
      ]),
    );
    expect(notes.find((n) => n.sheet === "BTP")!.text).toMatch(/^\[Bloc Summary\] VALUE_NOT_NUMBER: /);
    expect(notes.find((n) => n.sheet === "BQP")!.text).toBe("Chị Lan: hỏi lại đơn vị");
    // Nothing else changed: every cell of every sheet as in the input; exceljs sees the note too.
    const a = await readXlsx(input);
    const b = await readXlsx(copy);
    expect(dumpWorkbook(b)).toEqual(dumpWorkbook(a));
    expect(String(b.getWorksheet("BTP")!.getCell("E7").note ?? "")).toContain("[Bloc Summary] VALUE_NOT_NUMBER");
    // Another reader (openpyxl) opens the copy and reads the note from its comments part.
    const py = execFileSync("/usr/bin/python3", ["-c", "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); print(wb['BTP']['E7'].comment.text)", copy], {
      encoding: "utf8",
    });
    expect(py.trim()).toMatch(/^\[Bloc Summary\] VALUE_NOT_NUMBER: /);

    // Run again on the copy: nothing new. Then BTP fixed: its note says so; Chị Lan's stays.
    const copy2 = path.join(dir, "copy2.xlsx");
    const again = await cli(["build", copy, "--out", path.join(dir, "out2.xlsx"), "--annotate", copy2]);
    expect(again.out.join("\n")).toContain("(0 ghi chú mới, 0 đánh dấu đã xử lý;");
    expect(readNotes(readFileSync(copy2))).toEqual(notes);
    const fixed = path.join(dir, "fixed.xlsx");
    copyFileSync(copy, fixed);
    await edit(copy, fixed, (wb) => void (wb.getWorksheet("BTP")!.getCell("E7").value = 22));
    const copy3 = path.join(dir, "copy3.xlsx");
    const third = await cli(["build", fixed, "--out", path.join(dir, "out3.xlsx"), "--annotate", copy3]);
    expect(third.out.join("\n")).toContain("(0 ghi chú mới, 1 đánh dấu đã xử lý;");
    const after = readNotes(readFileSync(copy3));
    expect(after.find((n) => n.sheet === "BTP")!.text).toMatch(/^\[Bloc Summary\] ✓ VALUE_NOT_NUMBER: đã được xử lý/);
    expect(after.find((n) => n.sheet === "BQP")!.text).toBe("Chị Lan: hỏi lại đơn vị");
  });

  it("refuses an annotated copy over the input, before writing anything", async () => {
    const input = path.join(dir, "same.xlsx");
    copyFileSync(SAMPLE, input);
    const r = await cli(["build", input, "--annotate", input]);
    expect(r.code).toBe(2);
  });
});

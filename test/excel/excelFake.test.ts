import { sheetFromRows } from "../../src/core/snapshot";
import { FakeExcel, FakeOfficeError, fakeFromSnapshot } from "../support/excelFake";

function seeded(): FakeExcel {
  return fakeFromSnapshot({
    sheets: [
      sheetFromRows(
        "Data",
        [
          ["Mã", "Giá trị"],
          ["A", 10],
          ["B", 32],
        ],
        {
          formulas: [
            [null, null],
            [null, null],
            [null, "=B2*3+2"],
          ],
        },
      ),
      sheetFromRows("Other", [["x"]]),
    ],
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
  return "resolved";
}

describe("the strict Excel fake", () => {
  it("throws PropertyNotLoaded when a property is read without load and sync", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("A1:B3");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([
        ["Mã", "Giá trị"],
        ["A", 10],
        ["B", 32],
      ]);
      expect(() => range.numberFormat).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("returns the formula text for formula cells and the value for constants", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Data").getRange("B2:B3");
      range.load("formulas, values, valueTypes");
      await context.sync();
      expect(range.formulas).toEqual([[10], ["=B2*3+2"]]);
      expect(range.values).toEqual([[10], [32]]);
      expect(range.valueTypes).toEqual([["Double"], ["Double"]]);
    });
  });

  it("loads collection items and navigation paths", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      const font = sheets.getItem("Data").getRange("A1");
      font.load("format/font/bold, address");
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility])).toEqual([
        ["Data", "Visible"],
        ["Other", "Visible"],
      ]);
      expect(() => sheets.items[0].position).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(font.format.font.bold).toBe(false);
      expect(font.address).toBe("Data!A1");
    });
  });

  it("reports a missing item as ItemNotFound at sync, not at the call", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Nowhere");
      ws.load("name");
      expect(await codeOf(context.sync())).toBe("ItemNotFound");
    });
  });

  it("answers isNullObject only after a sync", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nowhere");
      const present = context.workbook.worksheets.getItemOrNullObject("data");
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("gives a null used range for an empty sheet", async () => {
    const fake = seeded();
    fake.addSheet("Empty");
    await fake.run(async (context) => {
      const used = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
      used.load("address");
      await context.sync();
      expect(used.isNullObject).toBe(true);
    });
  });

  it("applies writes only at sync and counts every sync", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Data").getRange("A2").values = [["Z"]];
      expect(fake.cell("Data", "A2").value).toBe("A");
      await context.sync();
      expect(fake.cell("Data", "A2").value).toBe("Z");
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.syncLog[0].writes).toBe(1);
  });

  it("turns a written string starting with = into a formula, like typing", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other");
      ws.getRange("A1:F1").values = [["=1+1", "'=1+1", "- gạch đầu dòng", "1,234", "TRUE", "0123"]];
      await context.sync();
    });
    expect(fake.cell("Other", "A1").formula).toBe("=1+1");
    expect(fake.cell("Other", "B1")).toMatchObject({ value: "=1+1", formula: null, prefixed: true });
    expect(fake.cell("Other", "C1").formula).toBe("=- gạch đầu dòng");
    expect(fake.cell("Other", "D1").value).toBe(1234);
    expect(fake.cell("Other", "E1").value).toBe(true);
    expect(fake.cell("Other", "F1").value).toBe(123);
  });

  it("keeps text in cells formatted as text before the write", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Other").getRange("A1:B1");
      r.numberFormat = [["@", "@"]];
      r.values = [["=1+1", 5]];
      await context.sync();
    });
    expect(fake.cell("Other", "A1")).toMatchObject({ value: "=1+1", formula: null });
    expect(fake.cell("Other", "B1").value).toBe("5");
  });

  it("reads a text cell that looks like a formula back as its text in both values and formulas", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("Other").getRange("A1");
      r.values = [["'=SUM(A1)"]];
      await context.sync();
      r.load("values, formulas, valueTypes");
      await context.sync();
      expect(r.values).toEqual([["=SUM(A1)"]]);
      expect(r.formulas).toEqual([["=SUM(A1)"]]);
      expect(r.valueTypes).toEqual([["String"]]);
    });
  });

  it("rejects an input array whose shape does not match the range", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Other").getRange("A1:B2").values = [[1, 2]];
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
  });

  it("stops a batch at the failing operation and keeps what ran before it", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other");
      ws.getRange("A1").values = [["first"]];
      context.workbook.worksheets.getItem("Nowhere").getRange("A1").values = [["lost"]];
      ws.getRange("A2").values = [["never"]];
      expect(await codeOf(context.sync())).toBe("ItemNotFound");
    });
    expect(fake.cell("Other", "A1").value).toBe("first");
    expect(fake.cell("Other", "A2").value).toBeNull();
    expect(fake.syncLog[0].failed).toBe("ItemNotFound");
  });

  it("fails the chosen sync on request after the chosen number of operations", async () => {
    const fake = seeded();
    fake.failOnSync(2, new FakeOfficeError("GeneralException", "boom"), { afterOps: 1 });
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other");
      ws.getRange("A1").values = [["one"]];
      await context.sync();
      ws.getRange("A2").values = [["two"]];
      ws.getRange("A3").values = [["three"]];
      expect(await codeOf(context.sync())).toBe("GeneralException");
    });
    expect(fake.cellsOf("Other").values).toEqual([["one"], ["two"]]);
  });

  it("fails the chosen write wherever it falls", async () => {
    const fake = seeded();
    fake.failOnWrite(2);
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Other");
      ws.getRange("A1").values = [["one"]];
      ws.getRange("A2").values = [["two"]];
      expect(await codeOf(context.sync())).toBe("GeneralException");
    });
    expect(fake.cellsOf("Other").values).toEqual([["one"]]);
  });

  it("measures request size and refuses a request over the limit", async () => {
    const fake = new FakeExcel({ requestLimitBytes: 1000 });
    fake.addSheet("S");
    await fake.run(async (context) => {
      const big = Array.from({ length: 100 }, (_, i) => [`dòng ${i}`]);
      context.workbook.worksheets.getItem("S").getRange("A1:A100").values = big;
      expect(await codeOf(context.sync())).toBe("RequestPayloadSizeLimitExceeded");
    });
    expect(fake.cellsOf("S").values).toEqual([]);
    expect(fake.maxRequestBytes).toBeGreaterThan(1000);
  });

  it("refuses a response over the limit", async () => {
    const fake = new FakeExcel({ responseLimitBytes: 500 });
    fake.seedSheet(
      sheetFromRows(
        "S",
        Array.from({ length: 100 }, (_, i) => [`dòng ${i}`]),
      ),
    );
    await fake.run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1:A100");
      r.load("values");
      expect(await codeOf(context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
      expect(() => r.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
  });

  it("turns references to a deleted sheet into #REF! and follows a renamed one", async () => {
    const fake = seeded();
    fake.seedSheet(sheetFromRows("Refs", [[0, 0]], { formulas: [["=Data!B2+1", "='Other'!A1"]] }));
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Data").name = "Dữ liệu 2023";
      context.workbook.worksheets.getItem("Other").delete();
      await context.sync();
    });
    expect(fake.cell("Refs", "A1").formula).toBe("='Dữ liệu 2023'!B2+1");
    expect(fake.cell("Refs", "B1")).toMatchObject({ formula: "=#REF!A1", value: { error: "#REF!" } });
  });

  it("refuses to delete or hide the last visible sheet", async () => {
    const fake = new FakeExcel();
    fake.addSheet("Only");
    fake.addSheet("Hidden", { visibility: "Hidden" });
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Only").delete();
      expect(await codeOf(context.sync())).toBe("InvalidOperation");
      context.workbook.worksheets.getItem("Only").visibility = "Hidden";
      expect(await codeOf(context.sync())).toBe("InvalidOperation");
    });
  });

  it("refuses a duplicate or invalid sheet name", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      context.workbook.worksheets.add("DATA");
      expect(await codeOf(context.sync())).toBe("ItemAlreadyExists");
      context.workbook.worksheets.add("a/b");
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
  });

  it("records charts, freeze panes, page layout, merges, widths and hyperlinks", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      const chart = ws.charts.add("ColumnClustered", ws.getRange("B2:B3"), "Columns");
      chart.title.text = "Giá trị";
      chart.series.getItemAt(0).name = "2023";
      chart.series.getItemAt(0).setXAxisValues(ws.getRange("A2:A3"));
      chart.setPosition("D2", "J15");
      ws.freezePanes.freezeRows(1);
      ws.pageLayout.orientation = "Landscape";
      ws.pageLayout.paperSize = "A4";
      ws.getRange("A5:C5").merge();
      ws.getRange("A:B").format.columnWidth = 60;
      ws.getRange("A1").hyperlink = { documentReference: "'Other'!A1" };
      await context.sync();
    });
    const view = fake.sheet("Data");
    expect(view.charts).toEqual([
      {
        type: "ColumnClustered",
        seriesBy: "Columns",
        source: "Data!B2:B3",
        title: "Giá trị",
        legend: { position: "Right", visible: true },
        position: { start: "D2", end: "J15" },
        series: [{ name: "2023", values: "Data!B2:B3", xValues: "Data!A2:A3" }],
      },
    ]);
    expect(view.freeze).toEqual({ rows: 1, cols: 0 });
    expect(view.pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4" });
    expect(view.merges).toEqual(["A5:C5"]);
    expect(view.columnWidths).toEqual({ A: 60, B: 60 });
    expect(fake.cell("Data", "A1").hyperlink).toEqual({ documentReference: "'Other'!A1" });
  });

  it("rejects an unknown chart type such as ClusteredColumn", async () => {
    const fake = seeded();
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Data");
      ws.charts.add("ClusteredColumn" as Excel.ChartType, ws.getRange("B2:B3"), "Columns");
      expect(await codeOf(context.sync())).toBe("InvalidArgument");
    });
  });

  it("complains when queued work is never synced", async () => {
    const fake = seeded();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      }),
    ).rejects.toThrow(/never synced/);
  });

  it("exports seeded cells exactly as the snapshot gave them", () => {
    const sheet = sheetFromRows(
      "Đơn vị",
      [
        [null, "Tiêu đề", null],
        ["TT01", 25, { error: "#REF!" }],
      ],
      {
        top: 3,
        left: 1,
        formulas: [
          [null, null, null],
          [null, null, "=#REF!+1"],
        ],
        numberFormats: [
          ["General", "General", "General"],
          ["@", "#,##0", "General"],
        ],
        merges: ["C4:D4"],
      },
    );
    const fake = fakeFromSnapshot({ sheets: [sheet] });
    expect(fake.cellsOf("Đơn vị")).toEqual(sheet);
  });
});

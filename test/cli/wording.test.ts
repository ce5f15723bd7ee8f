/** Messages worded for the command line where the pane's would point at a button, and a hint that holds. */
import { CLI_TEXT } from "../../src/core/i18n/cli";
import { INTAKE_TEXT } from "../../src/core/i18n/intake";
import { LABELS } from "../../src/core/i18n/labels";
import { issueMessage } from "../../src/core/i18n/messages";
import { staleText } from "../../src/core/i18n/stale";
import { issue } from "../../src/core/issues";
import { parseNumberText } from "../../src/core/numbers";

describe("command-line wording", () => {
  const textNumber = issue("VALUE_TEXT_NUMBER", "error", "BTP", "E7", { text: "1.234", value: 1234, indicator: "TT01", year: 2023 });

  it("VALUE_TEXT_NUMBER names no pane button on the command line, and the pane's still does", () => {
    for (const lang of ["vi", "en"] as const) {
      const cliText = issueMessage(textNumber, lang, undefined, "cli");
      expect(cliText).not.toMatch(/Bấm|Click|nút|button/i);
      expect(cliText).toContain('"1.234"');
      expect(issueMessage(textNumber, lang)).toMatch(/Bấm "Sửa số dạng văn bản"|Click "Fix text numbers"/);
    }
  });

  it("the staleness line names the build command, not the pane's button", () => {
    for (const lang of ["vi", "en"] as const) {
      expect(staleText(null, lang, 0, "cli")).toMatch(/lệnh build|build command/);
      expect(staleText(null, lang, 0, "cli")).not.toMatch(/Tổng hợp Khối|Build bloc summary/);
      const stale = { stale: true, builtAt: "2024-01-15T03:00:00Z", changed: ["BTP"], added: [], removed: [] } as unknown as Parameters<typeof staleText>[0];
      expect(staleText(stale, lang, 0, "cli")).toMatch(/lệnh build|build command/);
    }
  });
});

describe("the hint of an ambiguous number", () => {
  it.each([["4,642"], ["12,500"], ["-7,125"]])("%s: every text it suggests is read as meant, none is refused", (text) => {
    expect(parseNumberText(text, { integer: false })).toEqual({ ok: false, reason: "ambiguous" });
    const i = issue("VALUE_NOT_NUMBER", "error", "BCA", "E9", { text, reason: "ambiguous", indicator: "TT03", year: 2023 });
    for (const lang of ["vi", "en"] as const) {
      const m = issueMessage(i, lang);
      // The whole-number spelling it suggests ("ghi 4642") parses, as money, to the whole reading.
      const suggested = /(?:ghi|write) (-?\d+) /.exec(m)?.[1];
      expect(suggested).toBeDefined();
      expect(parseNumberText(suggested!, { integer: false })).toMatchObject({ ok: true, value: Number(text.replace(",", "")) });
      expect(m).not.toContain(`e.g. 4.642 or 4,642`);
    }
    expect(issueMessage(i, "vi")).toContain(`hai cách: `);
  });
});

describe("English counts", () => {
  it("say one error, two errors — never 1 errors", () => {
    expect(LABELS.en.counts(1, 0)).toBe("1 error, 0 warnings");
    expect(LABELS.en.counts(2, 1)).toBe("2 errors, 1 warning");
    expect(LABELS.vi.counts(1, 2)).toBe("1 lỗi, 2 cảnh báo");
    expect(INTAKE_TEXT.en.unusable(1)).toMatch(/^1 file cannot/);
    expect(INTAKE_TEXT.en.unusable(3)).toMatch(/^3 files cannot/);
    expect(INTAKE_TEXT.en.needsDecision(1)).toMatch(/^1 file needs/);
    expect(INTAKE_TEXT.en.imported(1, "x.xlsx")).toBe("Imported 1 unit sheet into x.xlsx.");
    expect(CLI_TEXT.en.noSubmission(1)).toMatch(/1 error remains/);
  });
});

describe("import's advice on the command line", () => {
  it("points at what the user can change, not at the pane's list", () => {
    for (const lang of ["vi", "en"] as const) {
      const T = INTAKE_TEXT[lang];
      expect(T.needsDecision(2)).toContain("--replace");
      expect(T.needsDecision(2)).not.toMatch(/chọn đơn vị cho|choose the unit/);
      const d = { file: "x.xlsx", unit: null, by: null, sheet: "Sheet1", years: [2023], action: { kind: "unknownUnit" } } as unknown as Parameters<typeof T.line>[0];
      expect(T.line(d)).not.toMatch(/chọn trong danh sách|choose from the roster/);
      expect(T.action(d.action)).toMatch(/chọn trong danh sách|choose from the roster/);
    }
  });
});

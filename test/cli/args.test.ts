/** The command line's arguments: options anywhere, every mistake one line in the user's language. */
import { parseCommandLine, allOptions } from "../../src/cli/args";
import { UsageError, type CliCommand } from "../../src/cli/command";
import { COMMANDS } from "../../src/cli/commands/table";
import { cli } from "../support/cli";

function usageError(argv: string[]): UsageError {
  try {
    parseCommandLine(argv, COMMANDS);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(" ")}`);
}

describe("parseCommandLine", () => {
  it.each([
    [["--lang", "en", "validate", "x.xlsx"], "validate", "en", ["x.xlsx"], {}],
    [["validate", "--lang=en", "x.xlsx", "--json"], "validate", "en", ["x.xlsx"], { json: true }],
    [["--json", "build", "--out", "o.xlsx", "in.xlsx"], "build", "vi", ["in.xlsx"], { json: true, out: "o.xlsx" }],
    [["build", "in.xlsx", "--out=o.xlsx", "--docx", "t.docx"], "build", "vi", ["in.xlsx"], { out: "o.xlsx", docx: "t.docx" }],
    // After "--" a file name may start with a dash.
    [["build", "--", "-odd.xlsx"], "build", "vi", ["-odd.xlsx"], {}],
    [["template", "--units", "A,B", "--force", "--out", "t.xlsx"], "template", "vi", [], { units: "A,B", force: true, out: "t.xlsx" }],
  ])("%j", (argv, name, lang, positionals, values) => {
    const p = parseCommandLine(argv, COMMANDS);
    expect(p.command?.name).toBe(name);
    expect(p.lang).toBe(lang);
    expect(p.positionals).toEqual(positionals);
    expect(p.values).toEqual({ ...values, ...(argv.some((a) => a.startsWith("--lang")) ? { lang } : {}) });
  });

  it("takes the last of a repeated option, the language too", () => {
    const p = parseCommandLine(["--lang", "en", "build", "x.xlsx", "--out", "a.xlsx", "--out", "b.xlsx", "--lang", "vi"], COMMANDS);
    expect([p.lang, p.values.lang, p.values.out]).toEqual(["vi", "vi", "b.xlsx"]);
  });

  it("sees -h and --help anywhere, with or without a command", () => {
    expect(parseCommandLine(["-h"], COMMANDS)).toMatchObject({ help: true, command: undefined });
    expect(parseCommandLine(["build", "--help"], COMMANDS)).toMatchObject({ help: true, command: { name: "build" } });
    expect(parseCommandLine(["--lang", "en", "-h", "template"], COMMANDS)).toMatchObject({ help: true, lang: "en", command: { name: "template" } });
    expect(parseCommandLine(["help"], COMMANDS)).toMatchObject({ help: true, command: undefined });
    expect(parseCommandLine(["help", "validate", "--lang", "en"], COMMANDS)).toMatchObject({ help: true, lang: "en", command: { name: "validate" } });
    // With --help the missing input is no error.
    expect(parseCommandLine(["validate", "--help"], COMMANDS).positionals).toEqual([]);
  });

  it.each([
    [["build", "x.xlsx", "--frobnicate"], "vi", 'Tùy chọn không hợp lệ: "--frobnicate".'],
    [["build", "x.xlsx", "-x"], "vi", 'Tùy chọn không hợp lệ: "-x".'],
    [["--lang", "en", "build", "x.xlsx", "--frobnicate"], "en", 'Unknown option: "--frobnicate".'],
    [["validate", "x.xlsx", "--docx", "t.docx"], "vi", "Tùy chọn --docx không dùng với lệnh validate."],
    [["template", "--out", "t.xlsx", "--json", "--lang", "en"], "en", "Option --json does not apply to the template command."],
    [["build", "x.xlsx", "--out"], "vi", "Tùy chọn --out cần một giá trị."],
    [["build", "x.xlsx", "--out", "--json"], "vi", "Tùy chọn --out cần một giá trị."],
    [["build", "x.xlsx", "--out="], "vi", "Tùy chọn --out cần một giá trị."],
    [["build", "x.xlsx", "--json=yes"], "vi", "Tùy chọn --json không nhận giá trị."],
    [["build", "a.xlsx", "b.xlsx"], "vi", 'Thừa tham số: "b.xlsx".'],
    [["template", "in.xlsx", "--out", "t.xlsx"], "vi", 'Thừa tham số: "in.xlsx".'],
    [["validate", "--lang", "en"], "en", "Missing the path of the Excel workbook (.xlsx)."],
    [["frobnicate", "--lang", "en"], "en", 'Unknown command: "frobnicate".'],
    // The language itself wrong or missing: said in Vietnamese, the default.
    [["build", "x.xlsx", "--lang", "fr"], "vi", 'Ngôn ngữ không hỗ trợ: "fr" (chỉ có vi hoặc en).'],
    [["build", "x.xlsx", "--lang"], "vi", "Tùy chọn --lang cần một giá trị."],
    [["build", "x.xlsx", "--lang", "--json"], "vi", "Tùy chọn --lang cần một giá trị."],
  ])("refuses %j", (argv, lang, message) => {
    const e = usageError(argv);
    expect([e.message, e.lang]).toEqual([message, lang]);
  });

  it("refuses two commands giving one option two meanings", () => {
    const a: CliCommand = { name: "a", options: { out: { type: "string" } }, positionals: { min: 0, max: 0 }, help: COMMANDS[0].help, run: async () => 0 };
    const b: CliCommand = { ...a, name: "b", options: { out: { type: "boolean" } } };
    expect(() => allOptions([a, b])).toThrow(/--out of b/);
    // The real table is consistent.
    expect(() => allOptions(COMMANDS)).not.toThrow();
  });
});

describe("argument errors through runCli", () => {
  it("print one line naming the help to read, exit 2, stdout empty", async () => {
    const r = await cli("validate", "x.xlsx", "--docx", "t.docx", "--lang", "en");
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", "Option --docx does not apply to the validate command. See: bloc-summary validate --help"]);
    const none = await cli("--lang", "fr");
    expect([none.code, none.stderr]).toEqual([2, 'Ngôn ngữ không hỗ trợ: "fr" (chỉ có vi hoặc en). Xem hướng dẫn: bloc-summary --help']);
  });

  it("with no command at all, say so and show the help on stderr", async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toBe(`Thiếu lệnh (${COMMANDS.map((c) => c.name).join(", ")}).`);
    expect(r.stderr.split("\n")[0]).toMatch(/^Thiếu lệnh \(build, validate, template, /);
    expect(r.stderr).toContain("bloc-summary <lệnh>");
  });
});

describe("a command's own argument errors", () => {
  it("are said in the same one-line style", async () => {
    const noOut = await cli("template", "--lang", "en");
    expect([noOut.code, noOut.stderr]).toEqual([2, "The template command needs --out <file.xlsx>: where to write the template. See: bloc-summary template --help"]);
    const year = await cli("template", "--out", "t.xlsx", "--year", "23");
    expect([year.code, year.stderr]).toEqual([2, 'Năm không hợp lệ: "23" (cần 4 chữ số, từ 1901 đến 2200). Xem hướng dẫn: bloc-summary template --help']);
  });
});

/** --help: of the tool and of every command, Vietnamese by default, English with --lang en. */
import { COMMANDS } from "../../src/cli/commands/table";
import { CLI_HELP } from "../../src/core/i18n/cli";
import { cli } from "../support/cli";

const VI_EXIT = CLI_HELP.vi.exit;
const EN_EXIT = CLI_HELP.en.exit;

describe("--help", () => {
  it.each([["--help"], ["-h"]])("%s lists every command of the table, exit 0, on stdout", async (flag) => {
    const r = await cli(flag);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("Cách dùng: bloc-summary <lệnh> [tùy chọn]");
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c.name} +${escape(c.help.vi.summary)}$`, "m"));
  });

  it("speaks English with --lang en, wherever it stands", async () => {
    for (const argv of [
      ["--lang", "en", "--help"],
      ["-h", "--lang=en"],
    ]) {
      const r = await cli(...argv);
      expect(r.stdout).toContain("Usage: bloc-summary <command> [options]");
      expect(r.stdout).not.toContain("Cách dùng");
    }
  });

  it.each(COMMANDS.map((c) => [c.name]))("%s --help shows its usage and each of its options", async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const lang of ["vi", "en"] as const) {
      const r = await cli(name, "--help", "--lang", lang);
      expect(r.code).toBe(0);
      for (const u of command.help[lang].usage) expect(r.stdout).toContain(u);
      for (const opt of Object.keys(command.options)) expect(r.stdout).toMatch(new RegExp(`^  --${opt}\\b`, "m"));
      expect(r.stdout).toMatch(/^  --lang vi\|en /m);
    }
  });

  it("says each command's exit codes once: its own line where it has one, else the tool's", async () => {
    for (const c of COMMANDS) {
      for (const lang of ["vi", "en"] as const) {
        const r = await cli(c.name, "--help", "--lang", lang);
        const exitLines = r.stdout.split("\n").filter((l) => /^(Mã thoát|Exit codes?)\b/.test(l));
        expect([c.name, lang, exitLines]).toEqual([c.name, lang, [c.help[lang].exit ?? (lang === "vi" ? VI_EXIT : EN_EXIT)]]);
      }
    }
    // template never finds errors in figures: its line has no exit 1.
    expect((await cli("template", "--help")).stdout).not.toMatch(/; 1 /);
  });

  it("documents every option the command accepts, and no other", () => {
    for (const c of COMMANDS) {
      for (const lang of ["vi", "en"] as const) {
        const documented = c.help[lang].options.map(([flag]) => flag.split(" ")[0].replace(/^--/, "")).sort();
        expect([c.name, lang, documented]).toEqual([c.name, lang, Object.keys(c.options).sort()]);
      }
    }
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `validate <workbook.xlsx> [--json] [--all]`: checks, writes nothing. */
import { VALIDATE_HELP } from "../../core/i18n/cli";
import { staleText } from "../../core/i18n/stale";
import { EXIT, type CliCommand } from "../command";
import { humanReport } from "../report";
import { loadInput, runEngine } from "../workbook";

export const validateCommand: CliCommand = {
  name: "validate",
  options: { json: { type: "boolean" }, all: { type: "boolean" } },
  positionals: { min: 1, max: 1 },
  help: VALIDATE_HELP,
  async run({ lang, values, positionals: [input], io }) {
    const json = values.json === true;
    const loaded = await loadInput(input, lang, io);
    if (!loaded) return EXIT.unusable;
    const result = runEngine(loaded, lang, io);
    const say = json ? io.err : io.out;
    say(humanReport(result, lang, { all: values.all === true, more: "all", color: (json ? io.color?.err : io.color?.out) ?? false }));
    // Is the summary already in the workbook still that of these inputs?
    say(staleText(result.stale, lang, -io.now().getTimezoneOffset(), "cli"));
    if (json) {
      const s = result.stale;
      const stale = s && { stale: s.stale, changed: s.changed, added: s.added, removed: s.removed };
      io.out(JSON.stringify({ ...result.json, stale }, null, 2));
    }
    return result.errors ? EXIT.invalid : EXIT.ok;
  },
};

/** --help of the tool and of each command, from the i18n texts and the command table. */
import { CLI_HELP, type CommandHelp } from "../core/i18n/cli";
import type { Lang } from "../core/i18n/format";
import type { CliCommand } from "./command";

function table(rows: [string, string][]): string[] {
  const w = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(w)}  ${b}`);
}

function commonRows(lang: Lang): [string, string][] {
  const H = CLI_HELP[lang];
  return [
    ["--lang vi|en", H.lang],
    ["-h, --help", H.help],
  ];
}

export function toolHelp(commands: readonly CliCommand[], lang: Lang): string {
  const H = CLI_HELP[lang];
  return [H.title, "", H.usage, "", H.commands, ...table(commands.map((c) => [c.name, c.help[lang].summary])), "", H.global, ...table(commonRows(lang)), "", H.exit].join("\n");
}

export function commandHelp(command: CliCommand, lang: Lang): string {
  const H = CLI_HELP[lang];
  const h: CommandHelp = command.help[lang];
  const lines = [`${command.name}: ${h.summary}`, "", ...h.usage.map((u) => `  ${u}`), "", H.options, ...table([...h.options, ...commonRows(lang)])];
  if (h.notes?.length) lines.push("", ...h.notes);
  lines.push("", h.exit ?? H.exit);
  return lines.join("\n");
}

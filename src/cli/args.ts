/**
 * The command line's arguments, parsed by node:util parseArgs: options anywhere (`--lang en validate
 * x` works), `--opt value` or `--opt=value`, `--` ends the options. parseArgs runs non-strict so that
 * every mistake is reported here, in the user's language and one style, instead of Node's English.
 */
import { parseArgs } from "node:util";
import { CLI_TEXT } from "../core/i18n/cli";
import { isLang, type Lang } from "../core/i18n/format";
import { UsageError, type CliCommand, type OptionSpec, type OptionValues } from "./command";

/** Options every command takes. */
export const COMMON_OPTIONS: Record<string, OptionSpec> = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
};

export interface ParsedArgs {
  lang: Lang;
  help: boolean;
  /** The command's name as typed (first argument that is no option), if any. */
  name?: string;
  command?: CliCommand;
  values: OptionValues;
  positionals: string[];
}

/** Every option of every command, so that a value is taken as the option's wherever it stands. */
export function allOptions(commands: readonly CliCommand[]): Record<string, OptionSpec> {
  const all: Record<string, OptionSpec> = { ...COMMON_OPTIONS };
  for (const c of commands) {
    for (const [name, spec] of Object.entries(c.options)) {
      const known = all[name];
      if (known && (known.type !== spec.type || known.short !== spec.short)) throw new Error(`Option --${name} of ${c.name} differs from another command's --${name}`);
      all[name] = spec;
    }
  }
  return all;
}

/** An option's value; null for none, an empty one, or the next option taken as one ("--out --json"). */
function valueOf(t: { value?: string; inlineValue?: boolean }): string | null {
  return t.value === undefined || t.value === "" || (!t.inlineValue && t.value.startsWith("-")) ? null : t.value;
}

/** The language asked for, looked at before anything else so that every message is in it. */
function langOf(tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>): Lang {
  // The last one wins, as for every option.
  const t = [...tokens].reverse().find((x) => x.kind === "option" && x.name === "lang");
  if (!t || t.kind !== "option") return "vi";
  const value = valueOf(t);
  if (value === null) throw new UsageError(CLI_TEXT.vi.missingValue(t.rawName), "vi");
  if (!isLang(value)) throw new UsageError(CLI_TEXT.vi.badLang(value), "vi");
  return value;
}

/** @throws UsageError with the message in the language asked for (Vietnamese until it is known). */
export function parseCommandLine(argv: string[], commands: readonly CliCommand[]): ParsedArgs {
  const options = allOptions(commands);
  const { tokens = [] } = parseArgs({ args: argv, options, strict: false, allowPositionals: true, tokens: true });
  const lang = langOf(tokens);
  const T = CLI_TEXT[lang];
  const positionals = tokens.flatMap((t) => (t.kind === "positional" ? [t.value] : []));
  // "help build" is "build --help", as people type it.
  const helpWord = positionals[0] === "help";
  if (helpWord) positionals.shift();
  const name = positionals.shift();
  const command = commands.find((c) => c.name === name);
  const help = helpWord || tokens.some((t) => t.kind === "option" && t.name === "help");
  if (name !== undefined && !command) throw new UsageError(T.unknownCommand(name), lang);
  const values: OptionValues = {};
  for (const t of tokens) {
    if (t.kind !== "option") continue;
    const spec = options[t.name];
    // A single letter counts only as its option's declared short form (-h), never as a long name.
    if (!spec || (!t.rawName.startsWith("--") && spec.short !== t.rawName.slice(1))) throw new UsageError(T.unknownOption(t.rawName), lang, command?.name);
    if (command && !(t.name in COMMON_OPTIONS) && !(t.name in command.options)) throw new UsageError(T.notForCommand(`--${t.name}`, command.name), lang, command.name);
    if (spec.type === "boolean") {
      if (t.value !== undefined) throw new UsageError(T.noValueExpected(t.rawName), lang, command?.name);
      values[t.name] = true;
    } else {
      const value = valueOf(t);
      if (value === null) throw new UsageError(T.missingValue(t.rawName), lang, command?.name);
      values[t.name] = value;
    }
  }
  if (command && !help) {
    const { min, max } = command.positionals;
    if (positionals.length > max) throw new UsageError(T.tooManyArguments(positionals[max]), lang, command.name);
    if (positionals.length < min) throw new UsageError(command.positionals.missing?.[lang] ?? T.noInput, lang, command.name);
  }
  return { lang, help, name, command, values, positionals };
}

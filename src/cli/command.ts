/** What every command of the command line is: its options, its arguments, its help and its run. */
import type { Lang } from "../core/i18n/format";
import type { CommandHelp } from "../core/i18n/cli";

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  now: () => Date;
  /** Colour what goes to stdout / stderr (a terminal, and NO_COLOR not set); off when absent. */
  color?: { out: boolean; err: boolean };
}

export const EXIT = { ok: 0, invalid: 1, unusable: 2 } as const;

/** An option as node:util parseArgs takes it (only the two kinds the tool uses). */
export interface OptionSpec {
  type: "string" | "boolean";
  short?: string;
}

export type OptionValues = Record<string, string | boolean | undefined>;

export interface CommandContext {
  lang: Lang;
  /** Option values by long name, without the dashes ("out", "json"). */
  values: OptionValues;
  /** The arguments after the command's name. */
  positionals: string[];
  io: CliIo;
}

export interface CliCommand {
  name: string;
  /** Options besides the common --lang and --help. One name means one kind across all commands. */
  options: Record<string, OptionSpec>;
  /** How many arguments follow the command's name (max: Infinity for "files..."), and what to say when too few. */
  positionals: { min: number; max: number; missing?: Record<Lang, string> };
  help: Record<Lang, CommandHelp>;
  run: (ctx: CommandContext) => Promise<number>;
}

/**
 * A problem with the command line itself, thrown by the parser or by a command's run: runCli says
 * it in one line, with where to find help, and exits 2.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The language the message is in (Vietnamese when the language itself was the mistake). */
    readonly lang: Lang,
    readonly command?: string,
  ) {
    super(message);
  }
}

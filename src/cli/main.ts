/**
 * The command line: arguments, help and exit codes; each command is a module of src/cli/commands and
 * a row of its table; the work is the pipeline's and the file host's.
 */
import { CLI_TEXT } from "../core/i18n/cli";
import { parseCommandLine } from "./args";
import { EXIT, UsageError, type CliIo } from "./command";
import { COMMANDS } from "./commands/table";
import { commandHelp, toolHelp } from "./help";
import { colorWanted } from "./listing";

export { EXIT, type CliIo } from "./command";
export { defaultOutput } from "./commands/build";

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // One line, one style for every argument error: what is wrong, then where the help is.
    io.err(`${e.message} ${CLI_TEXT[e.lang].seeHelp(e.command)}`);
    return EXIT.unusable;
  }
}

/** @throws UsageError from the parser, or from a command that finds its arguments wrong. */
async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandLine(argv, COMMANDS);
  const { lang, command } = parsed;
  if (parsed.help) {
    io.out(command ? commandHelp(command, lang) : toolHelp(COMMANDS, lang));
    return EXIT.ok;
  }
  if (!command) {
    io.err(CLI_TEXT[lang].noCommand(COMMANDS.map((c) => c.name).join(", ")));
    io.err(toolHelp(COMMANDS, lang));
    return EXIT.unusable;
  }
  return command.run({ lang, values: parsed.values, positionals: parsed.positionals, io });
}

/** The process's own command line run, its exit code set (the compiled bin's launcher calls this). */
export function main(): void {
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    now: () => new Date(),
    color: { out: colorWanted(process.stdout.isTTY, process.env), err: colorWanted(process.stderr.isTTY, process.env) },
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).message}\n`);
      process.exitCode = EXIT.unusable;
    },
  );
}

if (require.main === module) main();

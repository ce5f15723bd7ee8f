/**
 * The command line: arguments, help and exit codes; each command is a module of src/cli/commands and
 * a row of its table; the work is the pipeline's and the file host's.
 */
import { CLI_TEXT } from "../core/i18n/cli";
import { parseCommandLine } from "./args";
import { EXIT, UsageError, type CliIo } from "./command";
import { COMMANDS } from "./commands";
import { commandHelp, toolHelp } from "./help";

export { EXIT, type CliIo } from "./command";
export { defaultOutput } from "./commands/build";

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseCommandLine(argv, COMMANDS);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    // One line, one style for every argument error: what is wrong, then where the help is.
    io.err(`${e.message} ${CLI_TEXT[e.lang].seeHelp(e.command)}`);
    return EXIT.unusable;
  }
  const { lang, command } = parsed;
  if (parsed.help) {
    io.out(command ? commandHelp(command, lang) : toolHelp(COMMANDS, lang));
    return EXIT.ok;
  }
  if (!command) {
    io.err(CLI_TEXT[lang].noCommand);
    io.err(toolHelp(COMMANDS, lang));
    return EXIT.unusable;
  }
  return command.run({ lang, values: parsed.values, positionals: parsed.positionals, io });
}

/** Colour for a terminal only, and never when NO_COLOR is set (https://no-color.org). */
function wantsColor(stream: NodeJS.WriteStream): boolean {
  return stream.isTTY === true && !process.env.NO_COLOR;
}

if (require.main === module) {
  runCli(process.argv.slice(2), {
    out: (s) => process.stdout.write(s + "\n"),
    err: (s) => process.stderr.write(s + "\n"),
    now: () => new Date(),
    color: { out: wantsColor(process.stdout), err: wantsColor(process.stderr) },
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

/**
 * The command table: one row per command, in the order --help lists them. A new command is one
 * module under src/cli/commands/ and one row here.
 */
import type { CliCommand } from "../command";
import { buildCommand } from "./build";
import { importCommand } from "./import";
import { rollupCommand } from "./rollup";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

export const COMMANDS: readonly CliCommand[] = [buildCommand, validateCommand, templateCommand, rollupCommand, importCommand];

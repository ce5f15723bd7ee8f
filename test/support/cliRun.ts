/** Run the command line in-process and keep what it says. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

/** A fixed clock: two builds of the same input give the same outputs. */
export const BUILD_TIME = new Date("2024-01-15T03:00:00Z");

export async function cli(argv: string[], now: Date = BUILD_TIME): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => now });
  return { code, out, err };
}

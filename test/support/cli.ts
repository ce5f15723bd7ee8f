/** Run the command line in-process and capture what it says. */
import { runCli } from "../../src/cli/main";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s), now: () => new Date("2026-11-26T05:00:00Z") });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

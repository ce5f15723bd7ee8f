/**
 * Output paths checked before any work: a missing folder, a wrong extension, an output that is the
 * input or another output. Each is one line naming the option, exit 2, nothing written.
 */
import { promises as fs } from "fs";
import path from "path";
import { CLI_TEXT } from "../core/i18n/cli";
import type { Lang } from "../core/i18n/format";

export interface OutputTarget {
  /** The option it came from ("--out"), named in the message. */
  option: string;
  path: string;
  /** The extension the file must have, with its dot (".xlsx"). */
  ext: string;
}

/** @returns the message of the first problem, or null when every output can be written. */
export async function outputProblem(targets: OutputTarget[], inputs: string[], lang: Lang): Promise<string | null> {
  const T = CLI_TEXT[lang];
  const seen = new Set(inputs.map((i) => path.resolve(i)));
  const outs = new Set<string>();
  for (const t of targets) {
    if (path.extname(t.path).toLowerCase() !== t.ext) return T.wrongExtension(t.option, t.ext, t.path);
    const abs = path.resolve(t.path);
    if (seen.has(abs)) return T.sameAsInput(t.option, t.path);
    if (outs.has(abs)) return T.sameOutputs(t.path);
    outs.add(abs);
    const dir = path.dirname(abs);
    const isDir = await fs.stat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (!isDir) return T.folderMissing(t.option, path.dirname(t.path) || ".");
  }
  return null;
}

/**
 * The task pane's initial JavaScript, as a user downloads it: the gzip size of every script
 * taskpane.html loads from dist/ (office.js, which comes from Microsoft's CDN, is not ours and
 * not counted; chunks loaded later with import() are not initial). For `npm run bench`.
 *
 *   npx tsx scripts/bundle-size.ts [distDir]
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";

/** Target of the pane's initial JS, gzip. */
export const TASKPANE_INITIAL_JS_BUDGET_BYTES = 300 * 1024;

/** The local scripts an HTML page loads (absolute URLs and office.js excluded), in order. */
export function localScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/gi)) {
    const src = m[1] ?? m[2] ?? m[3];
    if (/^(?:[a-z]+:)?\/\//i.test(src) || /(?:^|\/)office(?:\.debug)?\.js(?:[?#].*)?$/i.test(src)) continue;
    out.push(src.replace(/[?#].*$/, ""));
  }
  return out;
}

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export function taskpaneInitialJs(distDir: string): ScriptSize[] {
  const html = readFileSync(join(distDir, "taskpane.html"), "utf8");
  return localScripts(html).map((src) => {
    const data = readFileSync(join(distDir, src.replace(/^\.?\//, "")));
    return { file: src, bytes: data.length, gzipBytes: gzipSync(data, { level: 9 }).length };
  });
}

/** Sum of the gzip sizes of the pane's initial scripts. */
export function taskpaneInitialJsGzipBytes(distDir: string): number {
  return taskpaneInitialJs(distDir).reduce((sum, s) => sum + s.gzipBytes, 0);
}

if (require.main === module) {
  const dist = resolve(process.argv[2] ?? "dist");
  const files = taskpaneInitialJs(dist);
  for (const f of files) console.log(`${f.file}\t${f.bytes} B\t${f.gzipBytes} B gzip`);
  const total = files.reduce((s, f) => s + f.gzipBytes, 0);
  console.log(`taskpane initial JS: ${(total / 1024).toFixed(1)} KB gzip (budget ${TASKPANE_INITIAL_JS_BUDGET_BYTES / 1024} KB)`);
  if (total > TASKPANE_INITIAL_JS_BUDGET_BYTES) process.exitCode = 1;
}

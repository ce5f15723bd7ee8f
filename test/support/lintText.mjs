// Lints source texts as if they stood at the given paths of this tree, with the tree's own
// eslint.config.mjs. Reads [{ path, code }] as JSON on stdin; writes one list of rule ids per text.
// A child process because ESLint loads its flat config with import(), which jest's sandbox refuses.
import { ESLint } from "eslint";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
let input = "";
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: root });
const out = [];
for (const { path, code } of JSON.parse(input)) {
  const [result] = await eslint.lintText(code, { filePath: `${root}/${path}` });
  out.push(result.messages.map((m) => m.ruleId ?? m.message));
}
process.stdout.write(JSON.stringify(out));

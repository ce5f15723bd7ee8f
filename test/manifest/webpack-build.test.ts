/**
 * Runs the real production build into a temporary folder. Skipped until the two entry points
 * (src/taskpane/index.tsx, src/commands/commands.ts) exist.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
import { localScripts } from "../../scripts/bundle-size";
import { validateManifest } from "../../scripts/validate-manifest";

const ROOT = resolve(__dirname, "../..");
const entriesExist = existsSync(join(ROOT, "src/taskpane/index.tsx")) && existsSync(join(ROOT, "src/commands/commands.ts"));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../../webpack.config.js") as (env: unknown, argv: { mode: string }) => webpack.Configuration;

function build(config: webpack.Configuration): Promise<webpack.Stats> {
  return new Promise((done, fail) => {
    webpack(config, (err, stats) => {
      if (err || !stats) fail(err ?? new Error("webpack returned no stats"));
      else if (stats.hasErrors()) fail(new Error(stats.toString({ all: false, errors: true })));
      else done(stats);
    });
  });
}

(entriesExist ? describe : describe.skip)("npm run build", () => {
  let out: string;
  const saved = { url: process.env.ADDIN_PUBLIC_URL, officeJs: process.env.OFFICE_JS_URL };

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "bloc-dist-"));
    process.env.ADDIN_PUBLIC_URL = "https://thanhtra.example.gov.vn/bloc/";
    delete process.env.OFFICE_JS_URL;
    const config = makeConfig({}, { mode: "production" });
    await build({ ...config, output: { ...config.output, path: out } });
  }, 180_000);

  afterAll(() => {
    process.env.ADDIN_PUBLIC_URL = saved.url;
    if (saved.officeJs !== undefined) process.env.OFFICE_JS_URL = saved.officeJs;
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it("writes the pane's page (also the ribbon's), loading office.js from Microsoft's CDN and its bundle, and the message dialog", () => {
    const html = readFileSync(join(out, "taskpane.html"), "utf8");
    expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
    expect(html).toMatch(/src="?taskpane\.[0-9a-f]{8}\.js"?/);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(["message.html"]));
    expect(readdirSync(out)).not.toContain("commands.html");
  });

  it("keeps office.js out of every bundle, each page on its one bundle, and the task-pane bundle under 1 MB", () => {
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
    for (const f of scripts) {
      // A property name of office.js's loader (@microsoft/office-js/dist/office.js): minifiers keep it.
      expect(readFileSync(join(out, f), "utf8")).not.toContain("HostSpecificFileVersionDefault");
    }
    // Each page loads one bundle of ours; anything else is a chunk loaded later with import().
    const initial = localScripts(readFileSync(join(out, "taskpane.html"), "utf8"));
    expect(initial).toHaveLength(1);
    expect(initial.filter((f) => f.startsWith("taskpane."))).toHaveLength(1);
    const taskpane = initial.find((f) => f.startsWith("taskpane."))!;
    expect(statSync(join(out, taskpane)).size).toBeLessThan(1024 * 1024);
  });

  it("loads the .docx writer only when a download is asked for", () => {
    const scripts = readdirSync(out).filter((f) => f.endsWith(".js"));
    const taskpane = scripts.find((f) => f.startsWith("taskpane."))!;
    // The Word namespace URI is written by the docx package; the pane's own bundle must not hold it.
    const isDocx = (f: string) => readFileSync(join(out, f), "utf8").includes("schemas.openxmlformats.org/wordprocessingml/2006/main");
    expect(isDocx(taskpane)).toBe(false);
    expect(scripts.filter((f) => f !== taskpane).some(isDocx)).toBe(true);
  });

  it("writes a manifest for the public URL that validates against the copied icons", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("https://localhost:3000");
    expect(validateManifest(xml, { assetsDir: join(out, "assets") })).toEqual({ errors: [], warnings: [] });
  });
});

/**
 * Runs the real production build into a temporary folder. Skipped until the two entry points
 * (src/taskpane/index.tsx, src/commands/commands.ts) exist.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import webpack from "webpack";
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

  it("writes both pages, loading office.js from Microsoft's CDN and their own bundle", () => {
    for (const page of ["taskpane", "commands"]) {
      const html = readFileSync(join(out, `${page}.html`), "utf8");
      expect(html).toMatch(/<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/);
      expect(html).toMatch(new RegExp(`src="?${page}\\.[0-9a-f]{8}\\.js"?`));
    }
  });

  it("keeps office.js out of the bundles and the task-pane bundle under 1 MB", () => {
    const bundles = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(bundles).toHaveLength(2);
    for (const f of bundles) {
      // A property name of office.js's loader (@microsoft/office-js/dist/office.js): minifiers keep it.
      expect(readFileSync(join(out, f), "utf8")).not.toContain("HostSpecificFileVersionDefault");
    }
    const taskpane = bundles.find((f) => f.startsWith("taskpane."))!;
    expect(statSync(join(out, taskpane)).size).toBeLessThan(1024 * 1024);
  });

  it("writes a manifest for the public URL that validates against the copied icons", () => {
    const xml = readFileSync(join(out, "manifest.xml"), "utf8");
    expect(xml).not.toContain("https://localhost:3000");
    expect(validateManifest(xml, { assetsDir: join(out, "assets") })).toEqual({ errors: [], warnings: [] });
  });
});

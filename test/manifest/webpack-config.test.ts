import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateManifest } from "../../scripts/validate-manifest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  (env: unknown, argv: { mode: string }): {
    entry: Record<string, string>;
    externals: Record<string, string>;
    module: { rules: { use: { loader: string; options: { transpileOnly: boolean; compilerOptions: Record<string, unknown> } } }[] };
    devServer: { port: number; headers: Record<string, string>; server: unknown };
  };
  publicManifest(xml: string, publicUrl: string): string;
};

describe("the production manifest", () => {
  it("replaces every dev URL with ADDIN_PUBLIC_URL and still validates", () => {
    const xml = webpackConfig.publicManifest(MANIFEST, "https://thanhtra.example.gov.vn/bloc-summary/");
    expect(xml).not.toContain("https://localhost:3000");
    expect(xml).toContain('DefaultValue="https://thanhtra.example.gov.vn/bloc-summary/taskpane.html"');
    expect(xml).toContain('DefaultValue="https://thanhtra.example.gov.vn/bloc-summary/assets/icon-16.png"');
    expect(xml).toContain("<AppDomain>https://thanhtra.example.gov.vn</AppDomain>");
    expect(validateManifest(xml, { assetsDir: join(ROOT, "assets") })).toEqual({ errors: [], warnings: [] });
  });

  it("accepts a URL without the trailing slash", () => {
    const xml = webpackConfig.publicManifest(MANIFEST, "https://addin.example.vn");
    expect(xml).toContain('DefaultValue="https://addin.example.vn/commands.html"');
  });

  it("leaves the manifest unchanged when no URL is given", () => {
    expect(webpackConfig.publicManifest(MANIFEST, "")).toBe(MANIFEST);
  });

  it("refuses an http or malformed public URL", () => {
    expect(() => webpackConfig.publicManifest(MANIFEST, "http://addin.example.vn/")).toThrow(/must be https/);
    expect(() => webpackConfig.publicManifest(MANIFEST, "addin.example.vn")).toThrow(/not a URL/);
  });
});

describe("webpack.config.js", () => {
  const config = webpackConfig({}, { mode: "production" });

  it("builds the task pane and the ribbon commands as separate entries", () => {
    expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx", commands: "./src/commands/commands.ts" });
  });

  it("transpiles TypeScript to ES modules without type checking, so Fluent UI tree-shakes", () => {
    const ts = config.module.rules[0].use;
    expect(ts.loader).toBe("ts-loader");
    expect(ts.options.transpileOnly).toBe(true);
    expect(ts.options.compilerOptions).toEqual({ module: "esnext", moduleResolution: "bundler", noEmit: false });
  });

  it("never bundles office.js", () => {
    expect(config.externals["@microsoft/office-js"]).toBe("Office");
  });

  it("serves https on port 3000 with CORS", () => {
    expect(config.devServer.port).toBe(3000);
    expect(config.devServer.headers["Access-Control-Allow-Origin"]).toBe("*");
    expect(config.devServer.server).toBeDefined();
  });
});

describe("the HTML pages", () => {
  it.each(["src/taskpane/taskpane.html", "src/commands/commands.html"])("%s is Vietnamese, UTF-8 and loads office.js from the CDN", (file) => {
    const html = readFileSync(join(ROOT, file), "utf8");
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<meta charset="utf-8" \/>/);
    expect(html).toContain("<title>Bloc Summary — Tổng hợp Khối</title>");
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });
});

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateManifest } from "../../scripts/validate-manifest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  (
    env: unknown,
    argv: { mode: string },
  ): {
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
    expect(xml).toContain('DefaultValue="https://addin.example.vn/taskpane.html"');
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

  it("builds the ribbon command into the task pane's page (one shared runtime), the command first", () => {
    expect(config.entry).toEqual({ taskpane: ["./src/commands/commands.ts", "./src/taskpane/index.tsx"] });
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
  it.each(["src/taskpane/taskpane.html"])("%s is Vietnamese, UTF-8 and loads office.js from the CDN", (file) => {
    const html = readFileSync(join(ROOT, file), "utf8");
    expect(html).toMatch(/<html lang="vi">/);
    expect(html).toMatch(/<meta charset="utf-8" \/>/);
    expect(html).toContain("<title>Bloc Summary — Tổng hợp Khối</title>");
    expect(html).toContain('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>');
  });
});

describe("the ribbon's message dialog (src/commands/message.html)", () => {
  it("is UTF-8, shows the text it is given as text (never as HTML), and titles itself in English for lang=en", () => {
    const html = readFileSync(join(ROOT, "src/commands/message.html"), "utf8");
    expect(html).toMatch(/<meta charset="utf-8" \/>/);
    expect(html).toContain('.textContent = params.get("text")');
    expect(html).not.toMatch(/innerHTML/);
    expect(html).toContain('params.get("lang") === "en"');
  });
});

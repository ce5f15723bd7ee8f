/** `npm run build` without ADDIN_PUBLIC_URL says where its manifest points and how to change it. */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as {
  (env: unknown, argv: { mode: string }): { plugins: { constructor: { name: string }; apply?: (c: unknown) => void }[] };
  manifestUrlNotice(publicUrl: string): string | null;
  DEV_URL: string;
};

function withUrl<T>(url: string | undefined, run: () => T): T {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (url === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = url;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

describe("the manifest URL notice", () => {
  it("names the dev URL and the variable to set, and is silent once it is set", () => {
    const text = webpackConfig.manifestUrlNotice("");
    expect(text).toContain(`dist/manifest.xml points at ${webpackConfig.DEV_URL}`);
    expect(text).toMatch(/ADDIN_PUBLIC_URL=https:\/\/\S+ npm run build/);
    expect(webpackConfig.manifestUrlNotice("https://thanhtra.example.gov.vn/bloc/")).toBeNull();
  });

  it("is written to stderr when a production build without ADDIN_PUBLIC_URL is done", () => {
    const names = (mode: string, url?: string) => withUrl(url, () => webpackConfig({}, { mode }).plugins.map((p) => p.constructor.name));
    expect(names("production")).toContain("ManifestUrlNoticePlugin");
    expect(names("production", "https://thanhtra.example.gov.vn/bloc/")).not.toContain("ManifestUrlNoticePlugin");
    // The dev server's own manifest is meant to point at localhost.
    expect(names("development")).not.toContain("ManifestUrlNoticePlugin");

    const plugin = withUrl(undefined, () => webpackConfig({}, { mode: "production" }).plugins.find((p) => p.constructor.name === "ManifestUrlNoticePlugin")!);
    let done: (() => void) | undefined;
    plugin.apply!({ hooks: { done: { tap: (_name: string, f: () => void) => (done = f) } } });
    const written: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((s) => (written.push(String(s)), true));
    try {
      done!();
    } finally {
      spy.mockRestore();
    }
    expect(written.join("")).toContain(webpackConfig.manifestUrlNotice("")!);
  });
});

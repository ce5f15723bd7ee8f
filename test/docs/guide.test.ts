/**
 * The user guides (docs/huong-dan-su-dung.md, docs/user-guide.md) stay true to the tool: every issue
 * code is explained in both, every picture they show exists, every `npm run` they mention is a script.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { ISSUE_CODES } from "../../src/core/issues";

const ROOT = path.resolve(__dirname, "../..");
const DOCS = path.join(ROOT, "docs");
const GUIDES = ["huong-dan-su-dung.md", "user-guide.md"];
const scripts: Record<string, string> = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts;

const read = (name: string) => readFileSync(path.join(DOCS, name), "utf8");

/** Targets of Markdown images and links, without their #fragment. */
function targets(md: string, images: boolean): string[] {
  const re = images ? /!\[[^\]]*\]\(([^)\s]+)\)/g : /(?<!!)\[[^\]]*\]\(([^)\s]+)\)/g;
  return [...md.matchAll(re)].map((m) => m[1].split("#")[0]).filter((t) => t && !/^[a-z]+:/i.test(t));
}

describe.each(GUIDES)("the user guide %s", (name) => {
  const file = path.join(DOCS, name);

  it("exists and links to the guide in the other language", () => {
    expect(existsSync(file)).toBe(true);
    const other = GUIDES.find((g) => g !== name)!;
    expect(targets(read(name), false)).toContain(other);
  });

  it("explains every issue code of SPEC §4 in its table", () => {
    const md = read(name);
    const missing = ISSUE_CODES.filter((code) => !new RegExp("^\\| `" + code + "` \\|", "m").test(md));
    expect(missing).toEqual([]);
  });

  it("shows only pictures that exist, each under 300 KB", () => {
    const images = targets(read(name), true);
    expect(images.length).toBeGreaterThanOrEqual(8);
    for (const img of images) {
      const full = path.resolve(DOCS, img);
      expect({ img, exists: existsSync(full) }).toEqual({ img, exists: true });
      expect(readFileSync(full).length).toBeLessThan(300 * 1024);
    }
  });

  it("links only to files that exist", () => {
    for (const link of targets(read(name), false)) {
      expect({ link, exists: existsSync(path.resolve(DOCS, link)) }).toEqual({ link, exists: true });
    }
  });

  it("has a contents list whose every entry leads to a heading (GitHub's anchors)", () => {
    const md = read(name);
    const slug = (h: string) =>
      h
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N}\s-]/gu, "")
        .replace(/\s/g, "-");
    const anchors = new Set([...md.matchAll(/^#{2,4} (.+)$/gm)].map((m) => slug(m[1])));
    const entries = [...md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(entries.length).toBe(8);
    expect(entries.filter((e) => !anchors.has(e))).toEqual([]);
  });

  it("mentions only npm scripts that package.json has", () => {
    const mentioned = [...read(name).matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]);
    expect(mentioned.length).toBeGreaterThan(0);
    expect(mentioned.filter((s) => !(s in scripts))).toEqual([]);
  });
});

describe("the README", () => {
  it("links both user guides", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const g of GUIDES) expect(readme).toContain(`(docs/${g})`);
  });
});

describe("the guide's pictures", () => {
  it("stay under 2 MB together and are made by npm run guide-images", () => {
    const images = new Set(GUIDES.flatMap((g) => targets(read(g), true)).filter((t) => t.startsWith("images/")));
    const total = [...images].reduce((sum, img) => sum + readFileSync(path.join(DOCS, img)).length, 0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
    // The sheets and documents by LibreOffice, the pane's screenshots by the browser test.
    expect(scripts["guide-images"]).toBe("tsx scripts/guide-images.ts && tsx test/browser/run.ts --guide-images");
    const makers = ["scripts/guide-images.ts", "test/browser/run.ts"].map((f) => readFileSync(path.join(ROOT, f), "utf8")).join("\n");
    for (const img of images) expect(makers).toContain(`"${path.basename(img)}"`);
  });
});

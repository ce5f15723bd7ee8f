/** The bench's measure of the pane's initial JS: our scripts on taskpane.html, gzip, office.js left out. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { localScripts, taskpaneInitialJsGzipBytes } from "../../scripts/bundle-size";

describe("taskpaneInitialJsGzipBytes", () => {
  it("counts the page's own scripts and not office.js, wherever office.js comes from", () => {
    const html = `<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>
      <script src="/office-js/office.js"></script><script defer src="vendors.1234abcd.js"></script><script defer="defer" src=taskpane.89abcdef.js></script>`;
    expect(localScripts(html)).toEqual(["vendors.1234abcd.js", "taskpane.89abcdef.js"]);
  });

  it("sums the gzip sizes of those files", () => {
    const dir = mkdtempSync(join(tmpdir(), "bundle-size-"));
    try {
      const a = "console.log('a');".repeat(200);
      const b = "export const b = 1;";
      writeFileSync(join(dir, "a.js"), a);
      writeFileSync(join(dir, "b.js"), b);
      writeFileSync(join(dir, "lazy.js"), "never counted");
      writeFileSync(join(dir, "taskpane.html"), `<script src="https://x/office.js"></script><script src="a.js"></script><script src="./b.js"></script>`);
      expect(taskpaneInitialJsGzipBytes(dir)).toBe(gzipSync(a, { level: 9 }).length + gzipSync(b, { level: 9 }).length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

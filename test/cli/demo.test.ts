/** npm run demo passes its arguments to the build: `npm run demo -- --lang en` speaks English. */
import { spawnSync } from "child_process";
import path from "path";

const ROOT = path.join(__dirname, "..", "..");

describe("npm run demo", () => {
  it("-- --lang en builds the sample and closes in English", () => {
    const r = spawnSync("npm", ["run", "-s", "demo", "--", "--lang", "en"], { cwd: ROOT, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Check: 0 errors, 0 warnings");
    expect(r.stdout).toMatch(/^Open examples\/khoi-thi-dua-2-2023\.summary\.xlsx in Excel: /m);
    expect(r.stdout).not.toMatch(/Mở |Đã ghi/);
  });
});

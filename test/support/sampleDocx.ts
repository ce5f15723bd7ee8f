/** The sample bloc's tờ trình and biên bản as .docx, built once per test file. */
import path from "path";
import { buildBloc, type BuildResult } from "../../src/core/pipeline";
import { loadWorkbook } from "../../src/file/load";
import { writeDocx } from "../../src/file/docx";

const SAMPLE = path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx");

export async function sampleDocx(): Promise<{ res: BuildResult; submission: Buffer; minutes: Buffer }> {
  const res = buildBloc((await loadWorkbook(SAMPLE)).snapshot, { lang: "vi", now: "2024-01-20T03:00:00.000Z" });
  return { res, submission: await writeDocx(res.submission!), minutes: await writeDocx(res.minutes!) };
}

/**
 * npm run demo: builds the bundled sample bloc workbook with the command line and says where the
 * outputs went. The sample's per-unit and 2022 figures are invented; its 2023 bloc totals are the
 * seed report's. It then names the other samples: a mid-year workbook and three blocs to roll up.
 */
import path from "path";
import { runCli } from "../src/cli/main";

const dir = __dirname;
const input = path.join(dir, "khoi-thi-dua-2-2023.xlsx");
const out = path.join(dir, "khoi-thi-dua-2-2023.summary.xlsx");
const docx = path.join(dir, "khoi-thi-dua-2-2023.docx");
const rel = (p: string) => path.relative(process.cwd(), p);

runCli(["build", rel(input), "--out", rel(out), "--docx", rel(docx)], {
  out: (s) => process.stdout.write(s + "\n"),
  err: (s) => process.stderr.write(s + "\n"),
  now: () => new Date(),
}).then((code) => {
  process.stdout.write(`\nMở ${rel(out)} trong Excel: sheet "Tổng hợp 2023" (tổng hợp, so sánh), "Kiểm tra" (danh sách lỗi), "Tờ trình 2023" (dự thảo tờ trình); tờ trình dạng Word: ${rel(docx)}.\n`);
  // The other samples (figures all invented): a mid-year review with a four-year trend, and three blocs to roll up.
  const mid = rel(path.join(dir, "khoi-thi-dua-2-6-thang-2024.xlsx"));
  const blocs = rel(path.join(dir, "rollup"));
  process.stdout.write(
    `\nMẫu khác (số liệu minh họa):\n` +
      `  Sơ kết 6 tháng đầu năm 2024, có diễn biến 2021–2024: npm run cli -- build ${mid} --out so-ket.xlsx --docx so-ket.docx\n` +
      `  Tổng hợp ngành từ ba Khối năm 2023: npm run cli -- rollup ${blocs} --out nganh.xlsx --docx nganh.docx\n`,
  );
  process.exitCode = code;
});

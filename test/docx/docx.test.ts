/** The .docx documents' content and layout in the package; their rendering is in docx.libreoffice.test.ts. */
import JSZip from "jszip";
import { sampleDocx } from "../support/sampleDocx";
import { unescapeXml } from "../../src/xlsx/write/xmlText";

let submission: Buffer;
let minutes: Buffer;

beforeAll(async () => {
  ({ submission, minutes } = await sampleDocx());
});

async function part(buf: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const f = zip.file(name);
  if (!f) throw new Error(`${name} missing from the .docx`);
  return f.async("string");
}

/** The text of each paragraph (w:p) of document.xml. */
function paragraphs(xml: string): string[] {
  return xml.split("</w:p>").map((p) => unescapeXml([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")));
}

const attr = (xml: string, el: string, name: string): number => {
  const m = new RegExp(`<${el}\\b[^>]*\\b${name}="(\\d+)"`).exec(xml);
  if (!m) throw new Error(`${el} ${name} missing`);
  return Number(m[1]);
};

const mmToTwip = (mm: number) => (mm / 25.4) * 1440;

describe("the tờ trình as .docx", () => {
  test("holds the bloc's results, the proposals and next year's deputy", async () => {
    const paras = paragraphs(await part(submission, "word/document.xml"));
    const all = paras.join("\n");
    for (const s of [
      "TỜ TRÌNH",
      "152 cuộc thanh tra",
      "4.642 tỷ đồng",
      "29.288",
      "2.521 lượt với 3.239 công dân",
      "118 vụ việc",
      "Kính gửi: Hội đồng Thi đua, khen thưởng ngành Thanh tra",
      "Nơi nhận:",
      "Trần Đức Tuấn",
    ])
      expect(all).toContain(s);
    const flagAt = paras.findIndex((p) => p.includes("Đề nghị tặng Cờ thi đua"));
    const meritAt = paras.findIndex((p) => p.includes("Đề nghị tặng Bằng khen"));
    expect(flagAt).toBeGreaterThan(0);
    expect(meritAt).toBeGreaterThan(flagAt);
    expect(paras.slice(flagAt + 1, meritAt).join("\n")).toContain("Thanh tra Bộ Công an: đạt 98 điểm");
    expect(paras[meritAt + 1]).toContain("Thanh tra Bộ Tư pháp: đạt 93,5 điểm");
    expect(paras.find((p) => p.includes("Khối phó"))).toContain("Thanh tra Bộ Tài chính là Khối phó");
  });

  test("is A4 portrait with Nghị định 30 margins", async () => {
    const xml = await part(submission, "word/document.xml");
    expect(attr(xml, "w:pgSz", "w:w")).toBe(11906);
    expect(attr(xml, "w:pgSz", "w:h")).toBe(16838);
    const within = (name: string, lo: number, hi: number) => {
      const v = attr(xml, "w:pgMar", name);
      expect(v).toBeGreaterThanOrEqual(Math.floor(mmToTwip(lo)));
      expect(v).toBeLessThanOrEqual(Math.ceil(mmToTwip(hi)));
    };
    within("w:top", 20, 25);
    within("w:bottom", 20, 25);
    within("w:left", 30, 35);
    within("w:right", 15, 20);
  });

  test("uses Times New Roman at 13–14 pt, the recipients at 11–12 pt", async () => {
    const styles = await part(submission, "word/styles.xml");
    const doc = await part(submission, "word/document.xml");
    expect(styles).toMatch(/<w:rFonts[^>]*w:ascii="Times New Roman"/);
    const defaultSize = Number(/<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"/.exec(styles)![1]);
    expect(defaultSize).toBeGreaterThanOrEqual(26);
    expect(defaultSize).toBeLessThanOrEqual(28);
    const fonts = new Set([...doc.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const sizes = [...doc.matchAll(/<w:sz w:val="(\d+)"/g)].map((m) => Number(m[1]));
    for (const s of sizes) expect(s).toBeGreaterThanOrEqual(22);
    for (const s of sizes) expect(s).toBeLessThanOrEqual(28);
    // The body: justified paragraphs with a first-line indent.
    expect(doc).toMatch(/<w:jc w:val="both"\/>/);
    expect(doc).toMatch(/<w:ind w:firstLine="\d+"\/>/);
    // The recipients label: bold italic, 12 pt.
    expect(doc).toMatch(/<w:r><w:rPr>(?=[^]*?<w:b\/>)(?=[^]*?<w:i\/>)[^]*?<w:sz w:val="24"\/>[^]*?<w:t[^>]*>Nơi nhận:<\/w:t>/);
  });

  test("the minutes list the units, the votes and the conclusion", async () => {
    const all = paragraphs(await part(minutes, "word/document.xml")).join("\n");
    for (const s of [
      "BIÊN BẢN",
      "Thanh tra Bộ Quốc phòng",
      "Cơ quan Thanh tra, giám sát ngân hàng",
      "6/6",
      "5/6",
      "Khối thống nhất đề nghị tặng Cờ thi đua của Thanh tra Chính phủ cho: Thanh tra Bộ Công an",
    ])
      expect(all).toContain(s);
  });
});

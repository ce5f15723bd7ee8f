import fc from "fast-check";
import { readFileSync } from "fs";
import path from "path";
import { DEFAULT_CATALOG } from "../../src/core/catalog";
import { detectLegacy, isVietnameseSyllable, tcvn3ToUnicode, vniToUnicode } from "../../src/core/legacy/detect";
import { label } from "../../src/core/text";
import { issueMessage } from "../../src/core/i18n/messages";
import { encodeTcvn3, encodeVni, TCVN3_ROWS, toned, VNI_ROWS } from "../support/legacyText";
import { BlocBuilder, UNITS } from "../support/snapshots";
import { run } from "./helpers/run";

/** Real labels and names of a bloc workbook (the catalog's, the sample's units, the layout's). */
const REAL_TEXTS = [
  ...DEFAULT_CATALOG.map((i) => i.name),
  "Thanh tra Bộ Công an",
  "Thanh tra Bộ Tư pháp",
  "Thanh tra Bộ Quốc phòng",
  "Thanh tra Bộ Kế hoạch và Đầu tư",
  "Thanh tra Bộ Nội vụ",
  "Cơ quan Thanh tra, giám sát ngân hàng",
  "Đơn vị tính",
  "Khối thi đua",
  "Năm báo cáo",
  "Tên đơn vị",
  "BÁO CÁO KẾT QUẢ CÔNG TÁC THANH TRA NĂM 2023",
  "Cấu hình",
];

describe("TCVN3 and VNI converters", () => {
  it("convert every vowel with every tone, in words, to Unicode", () => {
    for (const [rows, convert] of [
      [TCVN3_ROWS, tcvn3ToUnicode],
      [VNI_ROWS, vniToUnicode],
    ] as const) {
      for (const [vowel, forms] of rows) {
        const legacy = forms.map((f) => `t${f}n`).join(" ");
        const unicode = forms.map((_, t) => `t${toned(vowel, t)}n`).join(" ");
        expect(convert(legacy)).toBe(unicode);
      }
    }
  });

  it("convert đ, Đ and TCVN3's capitals without a tone", () => {
    expect(tcvn3ToUnicode("®i §i ¡ ¢ £ ¤ ¥ ¦")).toBe("đi Đi Ă Â Ê Ô Ơ Ư");
    expect(vniToUnicode("ñi Ñi")).toBe("đi Đi");
  });

  it("read VNI capitals (letter and mark in upper case) as capitals", () => {
    expect(vniToUnicode("THANH TRA BOÄ COÂNG AN")).toBe("THANH TRA BỘ CÔNG AN");
    expect(vniToUnicode("ÑAÏI HOÏC TÖ PHAÙP")).toBe("ĐẠI HỌC TƯ PHÁP");
  });

  it("read TCVN3 written in capitals (the .VnTimeH fonts) as capitals", () => {
    expect(detectLegacy("THANH TRA Bé C«NG AN")).toEqual({ encoding: "TCVN3", text: "THANH TRA BỘ CÔNG AN" });
  });
});

describe("detectLegacy", () => {
  it("recognises the brief's example and its VNI twin", () => {
    expect(detectLegacy("Thanh tra Bé C«ng an")).toEqual({ encoding: "TCVN3", text: "Thanh tra Bộ Công an" });
    expect(detectLegacy("Thanh tra Boä Coâng an")).toEqual({ encoding: "VNI", text: "Thanh tra Bộ Công an" });
  });

  it.each(REAL_TEXTS)("recognises %s typed in TCVN3 and in VNI", (text) => {
    expect(detectLegacy(encodeTcvn3(text))).toEqual({ encoding: "TCVN3", text });
    expect(detectLegacy(encodeVni(text))).toEqual({ encoding: "VNI", text });
  });

  it("leaves alone what is not legacy text: Unicode, English, numbers, symbols", () => {
    for (const s of [
      "Thanh tra Bộ Công an",
      "Công an",
      "Bé",
      "hoá",
      "café",
      "Müller",
      "naïve façade",
      "© 2023",
      "25°C",
      "4.642,37",
      "TT01",
      "Năm 2023 (kỳ báo cáo)",
      "Số cuộc — tổng",
    ]) {
      expect(detectLegacy(s)).toBeNull();
    }
  });

  it("never converts Unicode Vietnamese text (random syllables, any case, with English and numbers)", () => {
    const onsets = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];
    // [nucleus, index of the vowel that takes the tone, finals it takes ("" for none)]
    const rhymes: [string, number, string[]][] = [
      ["a", 0, ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "o", "u", "y"]],
      ["ă", 0, ["c", "m", "n", "ng", "p", "t"]],
      ["â", 0, ["c", "m", "n", "ng", "p", "t", "u", "y"]],
      ["e", 0, ["", "c", "m", "n", "ng", "p", "t", "o"]],
      ["ê", 0, ["", "ch", "m", "n", "nh", "p", "t", "u"]],
      ["i", 0, ["", "ch", "m", "n", "nh", "p", "t", "u", "a"]],
      ["o", 0, ["", "c", "m", "n", "ng", "p", "t", "i"]],
      ["ô", 0, ["", "c", "m", "n", "ng", "p", "t", "i"]],
      ["ơ", 0, ["", "m", "n", "p", "t", "i"]],
      ["u", 0, ["", "c", "m", "n", "ng", "p", "t", "i", "a"]],
      ["ư", 0, ["", "c", "n", "ng", "t", "a", "i", "u"]],
      ["iê", 1, ["c", "m", "n", "ng", "p", "t", "u"]],
      ["uô", 1, ["c", "m", "n", "ng", "t", "i"]],
      ["ươ", 1, ["c", "m", "n", "ng", "p", "t", "i", "u"]],
      ["oa", 1, ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y"]],
      ["uyê", 2, ["n", "t"]],
    ];
    const tones = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];
    const syllable = fc
      .tuple(fc.constantFrom(...onsets), fc.constantFrom(...rhymes), fc.nat(5), fc.nat(20), fc.constantFrom("lower", "title", "upper"))
      .map(([onset, [nucleus, at, finals], tone, f, kase]) => {
        const coda = finals[f % finals.length];
        // Stops (c, ch, p, t) take only the rising or the heavy tone.
        const t = ["c", "ch", "p", "t"].includes(coda) ? tones[4 + (tone % 2)] : tones[tone];
        const vowels = [...nucleus];
        vowels[at] = (vowels[at] + t).normalize("NFC");
        const w = (onset + vowels.join("") + coda).normalize("NFC");
        return kase === "upper" ? w.toUpperCase() : kase === "title" ? w[0].toUpperCase() + w.slice(1) : w;
      });
    const word = fc.oneof(syllable, syllable, syllable, fc.constantFrom("TT01", "2023", "4.642,5", "(BCA)", "inspection", "Report", "—", "“x”", "%"));
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(" ");
        expect(detectLegacy(text)).toBeNull();
      }),
      { numRuns: 3000 },
    );
  });

  it("never converts a line of the Vietnamese or the English user guide", () => {
    for (const file of ["docs/huong-dan-su-dung.md", "docs/user-guide.md"]) {
      const lines = readFileSync(path.join(__dirname, "../..", file), "utf8")
        .split("\n")
        .filter((l) => l.trim());
      expect(lines.length).toBeGreaterThan(50);
      for (const l of lines) expect([l, detectLegacy(l)]).toEqual([l, null]);
    }
  });

  it("knows Vietnamese syllables from other words", () => {
    for (const w of ["người", "được", "khuyến", "giữ", "quý", "thuỷ", "thủy", "hoà", "hòa", "của", "nghĩa", "Đầu"]) expect([w, isVietnameseSyllable(w)]).toEqual([w, true]);
    for (const w of ["café", "ñua", "maõ", "Tỉng", "hỵp", "tàt", "report"]) expect([w, isVietnameseSyllable(w)]).toEqual([w, false]);
  });
});

describe("legacy text in a bloc workbook", () => {
  it("matches labels typed in TCVN3 as Unicode", () => {
    expect(label("Sè cuéc thanh tra ®· triÓn khai")).toBe(label("Số cuộc thanh tra đã triển khai"));
    expect(label("Soá cuoäc thanh tra ñaõ trieån khai")).toBe(label("So cuoc thanh tra da trien khai"));
  });

  it("reads a unit sheet written in TCVN3 like its Unicode twin and points at every legacy cell with its fix", () => {
    const b = new BlocBuilder({ unitSheet: { titleRows: ["BÁO CÁO KẾT QUẢ CÔNG TÁC THANH TRA"] } });
    const clean = run(b);
    const wb = b.build();
    const btp = wb.sheets.find((s) => s.name === "BTP")!;
    const legacyCells: { cell: string; text: string; legacy: string }[] = [];
    btp.values = btp.values.map((line, r) =>
      line.map((v, c) => {
        if (typeof v !== "string") return v;
        const legacy = encodeTcvn3(v);
        if (legacy !== v && detectLegacy(legacy)) legacyCells.push({ cell: `${String.fromCharCode(65 + btp.left + c)}${btp.top + r + 1}`, text: v, legacy });
        return legacy;
      }),
    );
    expect(legacyCells.length).toBeGreaterThan(10);
    const res = run(wb);
    expect(res.json.values).toEqual(clean.json.values);
    expect(res.errors).toBe(clean.errors);
    const found = res.issues.filter((i) => i.code === "LEGACY_ENCODING");
    expect(found.map((i) => [i.sheet, i.cell, i.severity, i.fix])).toEqual(legacyCells.map((l) => ["BTP", l.cell, "warning", { kind: "setText", value: l.text }]));
    expect(issueMessage(found[0], "vi")).toContain(`"${legacyCells[0].text}"`);
    expect(issueMessage(found[0], "en")).toContain("TCVN3");
    expect(clean.issues.some((i) => i.code === "LEGACY_ENCODING")).toBe(false);
  });

  it("reports a unit name typed in VNI at its roster cell and in its sheet's title, each with its fix", () => {
    const b = new BlocBuilder({ units: UNITS.map((u) => (u.code === "BQP" ? { ...u, name: encodeVni(u.name) } : u)) });
    const res = run(b);
    const legacy = res.issues.filter((i) => i.code === "LEGACY_ENCODING");
    expect(legacy.map((i) => [i.sheet, i.params.encoding, i.fix])).toEqual([
      ["Cấu hình", "VNI", { kind: "setText", value: "Thanh tra Bộ Quốc phòng" }],
      ["BQP", "VNI", { kind: "setText", value: "THANH TRA BỘ QUỐC PHÒNG" }],
    ]);
    expect(res.errors).toBe(run(new BlocBuilder()).errors);
  });
});

describe("names typed in legacy fonts in the outputs", () => {
  it("are written in Unicode: the roster's unit names and the config's texts", () => {
    const b = new BlocBuilder({
      units: UNITS.map((u) => (u.code === "BQP" ? { ...u, name: encodeVni(u.name) } : u)),
      config: { values: { bloc: encodeTcvn3("Khối Thi đua số 2") } },
    });
    const res = run(b);
    expect(res.roster.find((u) => u.code === "BQP")!.name).toBe("Thanh tra Bộ Quốc phòng");
    expect(res.json.bloc).toBe("Khối Thi đua số 2");
  });
});

/**
 * The zip container read from its central directory and written back: checked against independent
 * readers and writers (fflate's unzipSync, JSZip), and the guards against hostile archives.
 */
import { readFileSync } from "fs";
import path from "path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import JSZip from "jszip";
import { ZLIB_CODEC } from "../../src/file/zlibCodec";
import { crc32, declaredUnzippedBytes, FFLATE_CODEC, entryBytes, entryText, readZip, writeZip, ZipError, type ZipProblem } from "../../src/xlsx/zip";

const SAMPLE = readFileSync(path.join(__dirname, "../../examples/khoi-thi-dua-2-2023.xlsx"));

function problem(f: () => unknown): ZipProblem | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e.problem;
    throw e;
  }
  return undefined;
}

/** Offset of the central directory header of the entry with this name. */
function centralHeader(b: Uint8Array, name: string): number {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  for (let i = b.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) !== 0x06054b50) continue;
    let p = dv.getUint32(i + 16, true);
    for (let k = 0; k < dv.getUint16(i + 10, true); k++) {
      const n = dv.getUint16(p + 28, true);
      if (Buffer.from(b.subarray(p + 46, p + 46 + n)).toString() === name) return p;
      p += 46 + n + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
    }
  }
  throw new Error(`no entry ${name}`);
}

describe("readZip", () => {
  it("lists the sample's entries with the bytes an independent reader inflates", () => {
    const zip = readZip(SAMPLE);
    const other = unzipSync(SAMPLE);
    expect(zip.entries.map((e) => e.name).sort()).toEqual(Object.keys(other).sort());
    for (const e of zip.entries) {
      expect(Buffer.from(entryBytes(e)).equals(Buffer.from(other[e.name]))).toBe(true);
      expect(e.size).toBe(other[e.name].length);
      expect(e.crc32).toBe(crc32(other[e.name]));
    }
    expect(entryText(zip.get("[Content_Types].xml")!)).toContain("<Types");
  });

  it("finds entries by name in any case, the exact name first", () => {
    const b = writeZip([
      { name: "xl/Workbook.xml", data: "a" },
      { name: "xl/workbook.xml", data: "b" },
      { name: "docProps/App.xml", data: "c" },
    ]);
    const zip = readZip(b);
    expect(entryText(zip.get("xl/workbook.xml")!)).toBe("b");
    expect(entryText(zip.get("xl/Workbook.xml")!)).toBe("a");
    expect(entryText(zip.get("DOCPROPS/app.xml")!)).toBe("c");
    expect(zip.get("nothing.xml")).toBeUndefined();
  });

  it("reads entries whose sizes follow the data (data descriptors) and stored entries", async () => {
    const j = new JSZip();
    j.file("a.xml", "<a>" + "x".repeat(5000) + "</a>");
    j.file("b.bin", new Uint8Array([1, 2, 3]), { compression: "STORE" });
    const b = await j.generateAsync({ type: "uint8array", compression: "DEFLATE", streamFiles: true });
    const zip = readZip(b);
    expect(entryText(zip.get("a.xml")!)).toBe("<a>" + "x".repeat(5000) + "</a>");
    expect([...entryBytes(zip.get("b.bin")!)]).toEqual([1, 2, 3]);
    expect(zip.get("b.bin")!.method).toBe(0);
  });

  it("declares the unpacked total without inflating, null without a directory", () => {
    const total = Object.values(unzipSync(SAMPLE)).reduce((s, d) => s + d.length, 0);
    expect(declaredUnzippedBytes(SAMPLE)).toBe(total);
    expect(declaredUnzippedBytes(SAMPLE.subarray(0, SAMPLE.length >> 1))).toBeNull();
    expect(declaredUnzippedBytes(new Uint8Array(10))).toBeNull();
  });

  it("refuses a zip declaring more than the limit before inflating anything", () => {
    const b = writeZip([{ name: "a.xml", data: "x".repeat(1000) }]);
    expect(problem(() => readZip(b, { maxUnzippedBytes: 999 }))).toEqual({ kind: "tooBigUnzipped", mb: 0 });
    expect(problem(() => readZip(b, { maxUnzippedBytes: 1000 }))).toBeUndefined();
    // A declared 60 MB (the data is small: the declaration alone is refused).
    const c = new Uint8Array(b);
    new DataView(c.buffer).setUint32(centralHeader(c, "a.xml") + 24, 60 * 1024 * 1024, true);
    expect(problem(() => readZip(c))).toEqual({ kind: "tooBigUnzipped", mb: 50 });
  });

  it("refuses encrypted and zip64 entries by name", () => {
    const b = writeZip([
      { name: "ok.xml", data: "<a/>" },
      { name: "xl/secret.xml", data: "<b/>" },
    ]);
    const enc = new Uint8Array(b);
    const at = centralHeader(enc, "xl/secret.xml");
    new DataView(enc.buffer).setUint16(at + 8, 1, true);
    expect(problem(() => readZip(enc))).toEqual({ kind: "encrypted", entry: "xl/secret.xml" });
    const z64 = new Uint8Array(b);
    new DataView(z64.buffer).setUint32(at + 20, 0xffffffff, true);
    expect(problem(() => readZip(z64))).toEqual({ kind: "zip64", entry: "xl/secret.xml" });
  });

  it.each([
    ["fflate", FFLATE_CODEC],
    ["Node's zlib", ZLIB_CODEC],
  ])("names the entry whose data is damaged or longer than declared (%s)", (_, codec) => {
    const text = "<row>" + "1234567890".repeat(200) + "</row>";
    const b = writeZip([{ name: "xl/worksheets/sheet1.xml", data: text }]);
    const zip = readZip(b);
    const e = zip.entries[0];
    // A flipped byte in the data: the CRC (or the inflater) says so.
    const flipped = new Uint8Array(b);
    flipped[e.raw.byteOffset + 5] ^= 0xff;
    expect(problem(() => entryBytes(readZip(flipped).entries[0], codec))).toEqual({ kind: "corrupt", entry: "xl/worksheets/sheet1.xml" });
    // Declared smaller than the data: never silently truncated.
    const short = new Uint8Array(b);
    new DataView(short.buffer).setUint32(centralHeader(short, "xl/worksheets/sheet1.xml") + 24, 100, true);
    expect(problem(() => entryBytes(readZip(short).entries[0], codec))).toEqual({ kind: "corrupt", entry: "xl/worksheets/sheet1.xml" });
    expect(entryText(e, codec)).toBe(text);
    // Written with the codec, read by the other.
    const back = readZip(writeZip([{ name: "a.xml", data: text }], codec));
    expect(entryText(back.entries[0], FFLATE_CODEC)).toBe(text);
    expect(entryText(back.entries[0], ZLIB_CODEC)).toBe(text);
  });

  it("refuses what is not a zip, and a directory pointing nowhere", () => {
    expect(problem(() => readZip(new TextEncoder().encode("Mã,Tên\n1,2\n")))).toEqual({ kind: "notZip" });
    const b = writeZip([{ name: "a.xml", data: "<a/>" }]);
    const bad = new Uint8Array(b);
    new DataView(bad.buffer).setUint32(centralHeader(bad, "a.xml") + 42, 7, true);
    expect(problem(() => readZip(bad))).toEqual({ kind: "corrupt", entry: "a.xml" });
  });
});

describe("writeZip", () => {
  it("copies unchanged entries as stored (no re-deflate) and deflates new ones, read by JSZip and fflate", async () => {
    const zip = readZip(SAMPLE);
    const out = writeZip([
      ...zip.entries.map((e) => ({ name: e.name, copy: e })),
      { name: "xl/new.xml", data: "<new>Thanh tra tỉnh</new>" },
      { name: "xl/media/raw.bin", data: new Uint8Array([0, 1, 2, 250]), level: 0 },
    ]);
    const back = readZip(out);
    for (const e of zip.entries) {
      const c = back.get(e.name)!;
      // The very stored bytes, CRC and method.
      expect(Buffer.from(c.raw).equals(Buffer.from(e.raw))).toBe(true);
      expect([c.method, c.crc32, c.size, c.time, c.date]).toEqual([e.method, e.crc32, e.size, e.time, e.date]);
    }
    expect(back.get("xl/new.xml")!.method).toBe(8);
    expect(back.get("xl/media/raw.bin")!.method).toBe(0);
    const f = unzipSync(out);
    expect(strFromU8(f["xl/new.xml"])).toBe("<new>Thanh tra tỉnh</new>");
    const j = await JSZip.loadAsync(out);
    expect(await j.file("xl/new.xml")!.async("string")).toBe("<new>Thanh tra tỉnh</new>");
    expect([...(await j.file("xl/media/raw.bin")!.async("uint8array"))]).toEqual([0, 1, 2, 250]);
    expect(await j.file("[Content_Types].xml")!.async("string")).toBe(strFromU8(unzipSync(SAMPLE)["[Content_Types].xml"]));
  });

  it("writes non-ASCII names as UTF-8 (flagged) and the same bytes for the same input", async () => {
    const input = [{ name: "xl/worksheets/Đơn vị.xml", data: "<a/>" }];
    const a = writeZip(input);
    expect(Buffer.from(a).equals(Buffer.from(writeZip(input)))).toBe(true);
    expect(readZip(a).entries[0].name).toBe("xl/worksheets/Đơn vị.xml");
    expect(Object.keys((await JSZip.loadAsync(a)).files)).toEqual(["xl/worksheets/Đơn vị.xml"]);
  });

  it("reads what fflate's own zip writer makes", () => {
    const b = zipSync({ "a/b.xml": new TextEncoder().encode("<b>ơ</b>"), "c.txt": [new Uint8Array([9]), { level: 0 }] });
    const zip = readZip(b);
    expect(entryText(zip.get("a/b.xml")!)).toBe("<b>ơ</b>");
    expect([...entryBytes(zip.get("c.txt")!)]).toEqual([9]);
  });

  it("computes the standard CRC-32", () => {
    expect(crc32(new TextEncoder().encode("123456789"))).toBe(0xcbf43926);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) & 0xff);
    expect(crc32(big)).toBe(ZLIB_CODEC.crc32(big));
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

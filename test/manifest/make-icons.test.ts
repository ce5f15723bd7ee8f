import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { inflateSync } from "node:zlib";
import { ICONS, PNG_SIGNATURE, crc32, encodePng, renderIcon } from "../../scripts/make-icons";

const ASSETS = resolve(__dirname, "../../assets");

interface DecodedPng {
  width: number;
  height: number;
  rgba: Uint8Array;
  chunkTypes: string[];
}

/** A strict little decoder for what make-icons writes: 8-bit RGBA, no interlace, filter type 0. */
function decodePng(file: Buffer): DecodedPng {
  expect(file.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  const chunkTypes: string[] = [];
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < file.length;) {
    const len = file.readUInt32BE(at);
    const type = file.toString("latin1", at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + len);
    expect(file.readUInt32BE(at + 8 + len)).toBe(crc32(file.subarray(at + 4, at + 8 + len)));
    chunkTypes.push(type);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  expect(raw.length).toBe((stride + 1) * height);
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    rgba.set(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)), y * stride);
  }
  return { width, height, rgba, chunkTypes };
}

describe("PNG encoding", () => {
  it("computes the standard CRC-32 check values", () => {
    expect(crc32(Buffer.from("123456789"))).toBe(0xcbf43926);
    expect(crc32(Buffer.from("IEND"))).toBe(0xae426082);
  });

  it("round-trips pixels through signature, IHDR, IDAT and IEND", () => {
    const pixels = new Uint8Array([255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 1, 2, 3, 4, 5, 6]);
    const png = decodePng(encodePng(3, 1, pixels.subarray(0, 12)));
    expect(png.chunkTypes).toEqual(["IHDR", "IDAT", "IEND"]);
    expect([png.width, png.height]).toEqual([3, 1]);
    expect([...png.rgba]).toEqual([...pixels.subarray(0, 12)]);
  });

  it("refuses a pixel buffer of the wrong length", () => {
    expect(() => encodePng(2, 2, new Uint8Array(15))).toThrow(/expected 16 bytes/);
  });
});

describe("committed icons", () => {
  it.each(ICONS.map((s) => [s.file, s] as const))("assets/%s is what make-icons draws", (_file, spec) => {
    const png = decodePng(readFileSync(join(ASSETS, spec.file)));
    expect([png.width, png.height]).toEqual([spec.size, spec.size]);
    expect(png.rgba).toEqual(renderIcon(spec.glyph, spec.size));
  });

  it.each(ICONS.map((s) => [s.file, s] as const))("%s is a white glyph on blue with transparent corners", (_file, spec) => {
    const px = renderIcon(spec.glyph, spec.size);
    expect(px[3]).toBe(0); // top-left corner outside the rounded square
    let white = 0;
    let blue = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] < 255) continue;
      if (px[i] > 230 && px[i + 1] > 230 && px[i + 2] > 230) white++;
      else if (px[i + 2] > 150 && px[i] < 60) blue++;
    }
    const area = spec.size * spec.size;
    expect(white / area).toBeGreaterThan(0.08);
    expect(blue / area).toBeGreaterThan(0.4);
  });

  it("draws the two buttons differently", () => {
    expect(renderIcon("sigma", 32)).not.toEqual(renderIcon("panel", 32));
  });
});

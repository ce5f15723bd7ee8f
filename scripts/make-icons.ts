/**
 * Draws the add-in's icons and writes them as PNG files into assets/.
 *
 *   npm run make-icons
 *
 * Only Node's zlib is used: the PNG container (signature, IHDR, IDAT, IEND, CRC-32) is written
 * here, so the icons can be regenerated on any machine without an image library. The output is
 * deterministic for a given Node version; test/manifest/make-icons.test.ts checks that the
 * committed files decode to exactly the pixels drawn below.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { deflateSync } from "node:zlib";

/** Fluent "brand" blue: reads as an Office add-in on both light and dark ribbons. */
const BACKGROUND: Rgb = [0x0f, 0x6c, 0xbd];
const FOREGROUND: Rgb = [0xff, 0xff, 0xff];

type Rgb = readonly [number, number, number];
type Point = readonly [number, number];

/** Σ for "build the totals"; a window with a side pane for "open the control panel". */
export type Glyph = "sigma" | "panel";

export interface IconSpec {
  file: string;
  size: number;
  glyph: Glyph;
}

/**
 * icon-*: the add-in icon (32/64 in the manifest's IconUrl/HighResolutionIconUrl), the ribbon
 * group and the "Tổng hợp Khối" button. panel-*: the "Mở bảng điều khiển" button.
 */
export const ICONS: readonly IconSpec[] = [
  { file: "icon-16.png", size: 16, glyph: "sigma" },
  { file: "icon-32.png", size: 32, glyph: "sigma" },
  { file: "icon-64.png", size: 64, glyph: "sigma" },
  { file: "icon-80.png", size: 80, glyph: "sigma" },
  { file: "panel-16.png", size: 16, glyph: "panel" },
  { file: "panel-32.png", size: 32, glyph: "panel" },
  { file: "panel-80.png", size: 80, glyph: "panel" },
];

// ---------------------------------------------------------------------------------------------
// PNG container

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309 / ITU-T V.42), as PNG requires over each chunk's type and data. */
export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Encodes 8-bit RGBA pixels (row-major, 4 bytes a pixel, straight alpha) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace

  // Every scanline gets filter type 0 (None): icons are tiny, and it keeps the decoder in the test trivial.
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }

  return Buffer.concat([PNG_SIGNATURE, chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", new Uint8Array(0))]);
}

// ---------------------------------------------------------------------------------------------
// Drawing, in unit coordinates (0..1 across the icon), supersampled for anti-aliasing

interface Shape {
  /** Inside the blue rounded square. */
  background(x: number, y: number): boolean;
  /** Inside the white glyph. */
  glyph(x: number, y: number): boolean;
}

function insideRoundedSquare(x: number, y: number, margin: number, radius: number): boolean {
  const half = 0.5 - margin;
  const dx = Math.max(Math.abs(x - 0.5) - (half - radius), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (half - radius), 0);
  return Math.abs(x - 0.5) <= half && Math.abs(y - 0.5) <= half && dx * dx + dy * dy <= radius * radius;
}

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const vx = b[0] - a[0];
  const vy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * vx + (y - a[1]) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (a[0] + t * vx), y - (a[1] + t * vy));
}

function onPolyline(x: number, y: number, points: readonly Point[], halfWidth: number): boolean {
  for (let i = 1; i < points.length; i++) {
    if (distanceToSegment(x, y, points[i - 1], points[i]) <= halfWidth) return true;
  }
  return false;
}

function inRect(x: number, y: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function shapeFor(glyph: Glyph, size: number): Shape {
  // Strokes never thinner than ~1.5 px, or the 16 px icons turn to mush.
  const stroke = Math.max(1.5 / size, 0.1);
  const background = (x: number, y: number) => insideRoundedSquare(x, y, 0.03, 0.18);
  if (glyph === "sigma") {
    const sigma: Point[] = [
      [0.7, 0.26],
      [0.3, 0.26],
      [0.53, 0.5],
      [0.3, 0.74],
      [0.7, 0.74],
    ];
    return { background, glyph: (x, y) => onPolyline(x, y, sigma, stroke / 2) };
  }
  // A sheet (frame with row rules) and, on its right, the filled task pane.
  const [x0, y0, x1, y1] = [0.2, 0.24, 0.8, 0.76];
  const paneLeft = 0.6;
  const s = stroke * 0.9;
  const rule = s * 0.75;
  return {
    background,
    glyph: (x, y) => {
      if (!inRect(x, y, x0, y0, x1, y1)) return false;
      const frame = !inRect(x, y, x0 + s, y0 + s, x1 - s, y1 - s);
      const pane = x >= paneLeft;
      const rows = x < paneLeft && (Math.abs(y - 0.42) <= rule / 2 || Math.abs(y - 0.58) <= rule / 2);
      return frame || pane || rows;
    },
  };
}

const SUPERSAMPLE = 8;

/** Renders one icon as straight-alpha RGBA. */
export function renderIcon(glyph: Glyph, size: number): Uint8Array {
  const shape = shapeFor(glyph, size);
  const rgba = new Uint8Array(size * size * 4);
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLE) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLE) / size;
          if (!shape.background(x, y)) continue;
          bg++;
          if (shape.glyph(x, y)) fg++;
        }
      }
      const o = (py * size + px) * 4;
      if (bg === 0) continue; // fully transparent
      for (let c = 0; c < 3; c++) {
        rgba[o + c] = Math.round((fg * FOREGROUND[c] + (bg - fg) * BACKGROUND[c]) / bg);
      }
      rgba[o + 3] = Math.round((255 * bg) / samples);
    }
  }
  return rgba;
}

export function makeIcon(spec: IconSpec): Buffer {
  return encodePng(spec.size, spec.size, renderIcon(spec.glyph, spec.size));
}

function main(): void {
  const assets = resolve(__dirname, "..", "assets");
  mkdirSync(assets, { recursive: true });
  for (const spec of ICONS) {
    const png = makeIcon(spec);
    writeFileSync(join(assets, spec.file), png);
    console.log(`assets/${spec.file}: ${spec.size}×${spec.size}, ${png.length} bytes`);
  }
}

if (require.main === module) main();

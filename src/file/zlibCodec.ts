/** The zip codec of the Node host: zlib's native inflate, deflate and CRC-32 (several times fflate's speed). */
import zlib from "zlib";
import type { ZipCodec } from "../xlsx/zip";

export const ZLIB_CODEC: ZipCodec = {
  // maxOutputLength: a part that inflates past its declared size stops there (and is refused).
  inflateRaw: (raw, size) => zlib.inflateRawSync(raw, { maxOutputLength: size + 1 }),
  deflateRaw: (data, level) => zlib.deflateRawSync(data, { level }),
  crc32: (data) => zlib.crc32(data),
  deflateRawLater: (data, level) => new Promise((resolve, reject) => zlib.deflateRaw(data, { level }, (e, out) => (e ? reject(e) : resolve(out)))),
};

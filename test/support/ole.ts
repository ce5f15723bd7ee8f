/**
 * A minimal OLE compound file (MS-CFB, version 3, 512-byte sectors) holding empty streams with the
 * given names: enough for the format sniffer, which reads the directory (an .xls has a "Workbook"
 * stream, an encrypted .xlsx an "EncryptedPackage" stream).
 */
export function oleFile(streams: string[]): Buffer {
  const SECTOR = 512;
  const entries = ["Root Entry", ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = Buffer.alloc(SECTOR * (2 + dirSectors));
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // one FAT sector
  out.writeUInt32LE(1, 0x30); // the directory starts at sector 1
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(0xfffffffe, 0x3c);
  out.writeUInt32LE(0xfffffffe, 0x44);
  for (let k = 0; k < 109; k++) out.writeUInt32LE(k === 0 ? 0 : 0xffffffff, 0x4c + k * 4);
  // FAT (sector 0): itself, then the directory's chain.
  const fat = SECTOR;
  for (let k = 0; k < 128; k++) out.writeUInt32LE(0xffffffff, fat + k * 4);
  out.writeUInt32LE(0xfffffffd, fat);
  for (let d = 0; d < dirSectors; d++) out.writeUInt32LE(d === dirSectors - 1 ? 0xfffffffe : 2 + d, fat + (1 + d) * 4);
  // Directory: the root's child is entry 1; each stream's right sibling is the next.
  entries.forEach((name, i) => {
    const at = SECTOR * 2 + i * 128;
    const utf16 = Buffer.from(name + "\0", "utf16le");
    utf16.copy(out, at);
    out.writeUInt16LE(utf16.length, at + 0x40);
    out[at + 0x42] = i === 0 ? 5 : 2;
    out[at + 0x43] = 1;
    out.writeUInt32LE(0xffffffff, at + 0x44);
    out.writeUInt32LE(i > 0 && i < entries.length - 1 ? i + 1 : 0xffffffff, at + 0x48);
    out.writeUInt32LE(i === 0 && streams.length ? 1 : 0xffffffff, at + 0x4c);
    out.writeUInt32LE(0xfffffffe, at + 0x74);
  });
  return out;
}

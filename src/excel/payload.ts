/** Request-size estimates: Excel on the web refuses a batch over 5 MB, so writes are split below it. */

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of a value's JSON, as it travels in a batch. */
export function jsonBytes(x: unknown): number {
  return utf8Length(JSON.stringify(x) ?? "null");
}

/**
 * Cost of one queued operation besides its argument: the action, and usually a new object path it
 * runs on (getRange, format, font, …), with their ids. Measured against the requests the real
 * client library builds (test/excel/payload.test.ts): a property set on a new range costs ~150–250
 * bytes of JSON, a call on an existing object ~100.
 */
export const OPERATION_OVERHEAD_BYTES = 160;

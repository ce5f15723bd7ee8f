/** Sheet names Excel accepts, hostile ones weighted in, for the property tests. */
import fc from "fast-check";

const NAME_CHARS = [..."abcDEFxyzĐđắệơưỹ0123456789 '\"-().,;!&%=+@#~^{}"];
/** Names Excel accepts: 1–31 characters, none of \ / ? * [ ] :, no apostrophe or space at either end. */
export const excelSheetName = fc
  .oneof(
    fc.constantFrom(
      "O'Brien",
      "Cấu hình",
      "Config",
      "Chấm điểm",
      "BCA",
      "BTP",
      "A1",
      "XFD1",
      "TRUE",
      "R1C1",
      "Tổng hợp 2023",
      "Kiểm tra",
      'Sở "Tư pháp"',
      "Đắk Lắk's",
      "Bà Rịa – Vũng Tàu",
      "Đ".repeat(31),
      "2023",
      "_x",
      "a.b",
      "R",
      "C",
      "rc2z",
      "R1C1b",
      "C16384Z",
    ),
    fc.string({ unit: fc.constantFrom(...NAME_CHARS), minLength: 1, maxLength: 31 }),
  )
  .filter((n) => n.length <= 31 && !/^['\s]|['\s]$/.test(n) && n.toLowerCase() !== "history");

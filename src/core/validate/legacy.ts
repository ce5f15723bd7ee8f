/** LEGACY_ENCODING: text typed in a TCVN3 or VNI font, at its cell, with its Unicode form as a fix. */
import { a1 } from "../a1";
import { issue, type Issue } from "../issues";
import { detectLegacy } from "../legacy/detect";
import type { SheetSnapshot } from "../snapshot";

/** Every constant text cell of these sheets that is legacy text (a formula's result is the formula's). */
export function checkLegacyText(sheets: readonly SheetSnapshot[]): Issue[] {
  const out: Issue[] = [];
  for (const s of sheets) {
    s.values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (typeof v !== "string" || s.formulas[r]?.[c]) return;
        const legacy = detectLegacy(v);
        if (!legacy) return;
        out.push(
          issue(
            "LEGACY_ENCODING",
            "warning",
            s.name,
            a1(s.top + r, s.left + c),
            { encoding: legacy.encoding, text: v, converted: legacy.text },
            { kind: "setText", value: legacy.text },
          ),
        );
      }),
    );
  }
  return out;
}

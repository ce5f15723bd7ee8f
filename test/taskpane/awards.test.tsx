/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { decideAwards } from "../../src/core/awards/rule";
import { UI } from "../../src/core/i18n/ui";
import type { RosterUnit } from "../../src/core/model";
import { AwardsPanel } from "../../src/taskpane/components/AwardsPanel";

const roster = (
  [
    ["BCA", "Thanh tra Bộ Công an"],
    ["BTP", "Thanh tra Bộ Tư pháp"],
    ["BQP", "Thanh tra Bộ Quốc phòng"],
    ["BNV", "Thanh tra Bộ Nội vụ"],
    ["NHNN", "Cơ quan Thanh tra, giám sát ngân hàng"],
  ] as const
).map(([code, name]) => ({ code, name, sheetName: code }) as RosterUnit);

function show(awards: ReturnType<typeof decideAwards> | null, lang: "vi" | "en" = "vi") {
  render(
    <FluentProvider theme={webLightTheme}>
      <AwardsPanel awards={awards} roster={roster} lang={lang} texts={UI[lang]} />
    </FluentProvider>,
  );
}

describe("awards panel", () => {
  it("lists the ranking with rank, unit name and total score, and the proposals by full name", () => {
    show(
      decideAwards([
        { code: "BTP", score: 95.5 },
        { code: "BCA", score: 98.25 },
        { code: "BQP", score: 90 },
      ]),
    );
    const rows = within(screen.getByTestId("ranking")).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.getAttribute("data-code"))).toEqual(["BCA", "BTP", "BQP"]);
    expect(within(rows[0]).getAllByRole("cell")[0].textContent).toBe("1");
    expect(within(rows[0]).getByRole("rowheader").textContent).toContain("Thanh tra Bộ Công an");
    expect(within(rows[0]).getAllByRole("cell")[1].textContent).toBe("98,25");
    expect(within(rows[2]).getAllByRole("cell")[1].textContent).toBe("90");
    expect(screen.getByTestId("flag").textContent).toBe("Thanh tra Bộ Công an");
    expect(screen.getByTestId("merit").textContent).toBe("Thanh tra Bộ Tư pháp");
    expect(screen.getByText(UI.vi.flag, { selector: "h3" })).toBeTruthy();
    expect(screen.getByText(UI.vi.merit, { selector: "h3" })).toBeTruthy();
  });

  it("shows a tie at the flag boundary with its units and leaves the places to the bloc", () => {
    show(
      decideAwards([
        { code: "BCA", score: 97 },
        { code: "BTP", score: 97 },
        { code: "BQP", score: 90 },
      ]),
    );
    const ties = screen.getByTestId("ties");
    expect(ties.textContent).toContain(UI.vi.tie("Thanh tra Bộ Công an, Thanh tra Bộ Tư pháp", "97", UI.vi.flag, 1));
    expect(screen.getByTestId("flag").textContent).toBe(UI.vi.noneProposed);
  });

  it("says why a unit is not proposed: unresolved errors, too few votes, below the threshold", () => {
    show(
      decideAwards(
        [
          { code: "BCA", score: 99, blocked: true, flagVotes: 5, meritVotes: 5 },
          { code: "BTP", score: 96, flagVotes: 4, meritVotes: 5 },
          { code: "BQP", score: 94, flagVotes: 1, meritVotes: 1 },
          { code: "BNV", score: 60, flagVotes: 5, meritVotes: 5 },
        ],
        { flagQuota: 1, meritQuota: 2, flagThreshold: 90, meritThreshold: 80, voters: 5, flagVotes: true, meritVotes: true },
      ),
      "en",
    );
    const skipped = within(screen.getByTestId("skipped")).getAllByRole("listitem");
    const why = Object.fromEntries(skipped.map((li) => [li.getAttribute("data-code"), li.textContent]));
    expect(why.BCA).toBe(`Thanh tra Bộ Công an: ${UI.en.skipReasons.errors}`);
    expect(why.BQP).toBe(`Thanh tra Bộ Quốc phòng: ${UI.en.skipReasons.votes}`);
    expect(why.BNV).toBe(`Thanh tra Bộ Nội vụ: ${UI.en.skipReasons.belowThreshold}`);
    expect(screen.getByTestId("flag").textContent).toBe("Thanh tra Bộ Tư pháp");
  });

  it("says there is no scoring sheet instead of an empty table", () => {
    show(null);
    expect(screen.getByTestId("no-scoring").textContent).toBe(UI.vi.noScoring);
    expect(screen.queryByTestId("ranking")).toBeNull();
  });
});

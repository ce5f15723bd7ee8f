/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { UI } from "../../src/core/i18n/ui";
import { App } from "../../src/taskpane/App";
import { BlocBuilder } from "../support/snapshots";
import { FakeHost } from "./fakeHost";

const vi = UI.vi;

async function openForms(host: FakeHost) {
  render(<App host={host} initialLang="vi" utcOffsetMinutes={420} />);
  await screen.findByTestId("counts");
  const header = screen.getByRole("button", { name: vi.blocWorkbook });
  expect(header.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(header);
  expect(header.getAttribute("aria-expanded")).toBe("true");
}

const type = (label: string | RegExp, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("bloc workbook forms", () => {
  it("keep Build first: the section is collapsed below it", async () => {
    render(<App host={new FakeHost(new BlocBuilder().build())} initialLang="vi" utcOffsetMinutes={420} />);
    await screen.findByTestId("counts");
    const build = screen.getByRole("button", { name: vi.build });
    const section = screen.getByRole("button", { name: vi.blocWorkbook });
    expect(build.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(screen.queryByLabelText(vi.templateYear)).toBeNull();
  });

  it("refuse a bad year and bad or duplicate codes without asking the host", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    await openForms(host);
    type(vi.templateYear, "23");
    type(/Mã đơn vị \(cách nhau/, "BCA, Bộ CA, bca");
    fireEvent.click(screen.getByRole("button", { name: vi.createWorkbook }));
    expect(await screen.findByText(vi.problems.badYear("23"))).toBeTruthy();
    expect(screen.getByText(`${vi.problems.badCode("Bộ CA")} ${vi.problems.duplicateCode("bca")}`)).toBeTruthy();
    expect(host.created).toEqual([]);
  });

  it("create the workbook with the bloc, the year and the codes typed", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    await openForms(host);
    type(vi.blocName, "  Khối Thi đua số 2 ");
    type(vi.templateYear, "2024");
    type(/Mã đơn vị \(cách nhau/, "BCA, BTP;BQP");
    fireEvent.click(screen.getByRole("button", { name: vi.createWorkbook }));
    await screen.findByText(vi.created(5));
    expect(host.created).toEqual([
      {
        lang: "vi",
        year: 2024,
        bloc: "Khối Thi đua số 2",
        units: [
          { code: "BCA", name: "" },
          { code: "BTP", name: "" },
          { code: "BQP", name: "" },
        ],
      },
    ]);
  });

  it("show the host's refusal when the sheets already exist", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    host.templateFailWith = vi.sheetsExist("Cấu hình, BCA");
    await openForms(host);
    type(/Mã đơn vị \(cách nhau/, "BCA");
    fireEvent.click(screen.getByRole("button", { name: vi.createWorkbook }));
    expect(await screen.findByText(vi.sheetsExist("Cấu hình, BCA"))).toBeTruthy();
  });

  it("add a unit sheet with the code and name typed, after checking the code", async () => {
    const host = new FakeHost(new BlocBuilder().build());
    await openForms(host);
    type(/^Mã đơn vị\s*\*?$/, "Thanh tra");
    fireEvent.click(screen.getByRole("button", { name: vi.addUnit }));
    expect(await screen.findByText(vi.problems.badCode("Thanh tra"))).toBeTruthy();
    expect(host.addedUnits).toEqual([]);
    type(/^Mã đơn vị\s*\*?$/, " BTC ");
    type(vi.unitName, "Thanh tra Bộ Tài chính");
    fireEvent.click(screen.getByRole("button", { name: vi.addUnit }));
    await screen.findByText(vi.added("BTC"));
    expect(host.addedUnits).toEqual([{ code: "BTC", name: "Thanh tra Bộ Tài chính" }]);
    await waitFor(() => expect((screen.getByLabelText(/^Mã đơn vị\s*\*?$/) as HTMLInputElement).value).toBe(""));
  });
});

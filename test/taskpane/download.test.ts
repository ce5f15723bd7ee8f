/** @jest-environment jsdom */
import { officeBlocksDownloads } from "../../src/excel/environment";
import { blobSaver, DownloadBlocked, saveBlob } from "../../src/taskpane/download";

const g = globalThis as { Office?: unknown };

function office(platform: string | undefined) {
  g.Office = { context: { platform }, PlatformType: { iOS: "iOS", Mac: "Mac", PC: "PC", OfficeOnline: "OfficeOnline" } };
}

afterEach(() => {
  delete g.Office;
});

describe("saving a file from the pane", () => {
  it("clicks an <a download> holding an object URL of the Blob", () => {
    office("OfficeOnline");
    URL.createObjectURL = jest.fn(() => "blob:x");
    URL.revokeObjectURL = jest.fn();
    const clicked: { href: string; download: string }[] = [];
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    saveBlob(new Blob(["x"]), "Tờ trình 2023.docx");
    expect(clicked).toEqual([{ href: "blob:x", download: "Tờ trình 2023.docx" }]);
    expect(document.querySelector("a")).toBeNull();
    click.mockRestore();
  });

  it("refuses where Office does not deliver downloads (iPad, Mac), and not elsewhere or outside Office", () => {
    const save = blobSaver(officeBlocksDownloads);
    office("iOS");
    expect(officeBlocksDownloads()).toBe(true);
    expect(() => save(new Blob(["x"]), "a.docx")).toThrow(DownloadBlocked);
    office("Mac");
    expect(officeBlocksDownloads()).toBe(true);
    office("PC");
    expect(officeBlocksDownloads()).toBe(false);
    delete g.Office;
    expect(officeBlocksDownloads()).toBe(false);
  });
});

/** Formats by content: what each kind of file the units send is recognised as. */
import { zipSync } from "fflate";
import { oleStreamNames, sniffFormat } from "../../src/xlsx/sniff";
import { writeZip } from "../../src/xlsx/zip";
import { oleFile } from "../support/ole";

const enc = (s: string) => new TextEncoder().encode(s);

describe("sniffFormat", () => {
  it("reads an OLE file's directory across several sectors", () => {
    const names = Array.from({ length: 9 }, (_, i) => `Stream${i}`).concat("Workbook");
    expect(oleStreamNames(oleFile(names))).toEqual(["Root Entry", ...names]);
    expect(sniffFormat(oleFile(names))).toBe("xls");
    expect(sniffFormat(oleFile(["\u0006DataSpaces", "EncryptedPackage", "EncryptedInfo"]))).toBe("encrypted");
    expect(sniffFormat(oleFile(["WordDocument"]))).toBe("ole");
  });

  it("tells an OpenDocument spreadsheet from another zip", () => {
    const ods = zipSync({ mimetype: [enc("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }] });
    expect(sniffFormat(ods)).toBe("ods");
    expect(sniffFormat(zipSync({ mimetype: enc("application/vnd.oasis.opendocument.text") }))).toBe("opendocument");
    expect(sniffFormat(writeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]))).toBe("zip");
  });

  it("recognises text exports", () => {
    expect(sniffFormat(enc("\uFEFFMã,Tên\n1,Hà Nội\n"))).toBe("csv");
    expect(sniffFormat(enc("  <!DOCTYPE html><html><table></table></html>"))).toBe("html");
    expect(sniffFormat(enc('<table border="1"><tr><td>1</td></tr></table>'))).toBe("html");
    expect(sniffFormat(enc('<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook/>'))).toBe("xml2003");
    expect(sniffFormat(new Uint8Array([1, 2, 0, 4]))).toBe("unknown");
    expect(sniffFormat(enc("một dòng"))).toBe("unknown");
  });
});

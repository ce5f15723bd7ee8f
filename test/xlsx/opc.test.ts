/** The Open Packaging Conventions: target resolution, relationships, content types, the office document. */
import { contentTypeOf, Package, parseContentTypes, parseRels, partKey, relKind, relativeTarget, relsPartName, relsSource, resolveTarget } from "../../src/xlsx/opc";
import { XmlError } from "../../src/xlsx/xml";
import { writeZip } from "../../src/xlsx/zip";

const T = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const S = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PR = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";

describe("resolveTarget", () => {
  it.each([
    ["xl/workbook.xml", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "./worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/workbook.xml", "/xl/worksheets/unit1.xml", "xl/worksheets/unit1.xml"],
    ["xl/worksheets/sheet1.xml", "../drawings/drawing1.xml", "xl/drawings/drawing1.xml"],
    ["xl/worksheets/sheet1.xml", "../../customXml/item1.xml", "customXml/item1.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["", "/xl/workbook.xml", "xl/workbook.xml"],
    ["", "./xl/workbook.xml", "xl/workbook.xml"],
    ["xl/workbook.xml", "worksheets/sheet%201.xml", "xl/worksheets/sheet%201.xml"],
    ["xl/workbook.xml", "worksheets\\sheet2.xml", "xl/worksheets/sheet2.xml"],
    ["xl/workbook.xml", "styles.xml#frag", "xl/styles.xml"],
    ["workbook.xml", "sheet.xml", "sheet.xml"],
  ])("%s + %s → %s", (source, target, part) => {
    expect(resolveTarget(source, target)).toBe(part);
  });

  it("names relationships parts both ways", () => {
    expect(relsPartName("")).toBe("_rels/.rels");
    expect(relsPartName("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsPartName("workbook.xml")).toBe("_rels/workbook.xml.rels");
    expect(relsSource("xl/_rels/workbook.xml.rels")).toBe("xl/workbook.xml");
    expect(relsSource("_rels/.rels")).toBe("");
    expect(relsSource("xl/workbook.xml")).toBeNull();
  });

  it("compares part names ignoring case and percent-encoding", () => {
    expect(partKey("/XL/Worksheets/Sheet%201.xml")).toBe(partKey("xl/worksheets/sheet 1.xml"));
    expect(partKey("xl/a%zz.xml")).toBe("xl/a%zz.xml");
  });
});

describe("relativeTarget", () => {
  it.each([
    ["xl/worksheets/sheet1.xml", "xl/comments1.xml", "../comments1.xml"],
    ["xl/worksheets/sheet1.xml", "xl/drawings/vmlDrawing1.vml", "../drawings/vmlDrawing1.vml"],
    ["xl/workbook.xml", "xl/worksheets/sheet2.xml", "worksheets/sheet2.xml"],
    ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet9.xml", "sheet9.xml"],
    ["custom/deep/part.xml", "other/x.xml", "../../other/x.xml"],
  ])("from %s to %s is %s, and resolves back", (source, part, target) => {
    expect(relativeTarget(source, part)).toBe(target);
    expect(resolveTarget(source, relativeTarget(source, part))).toBe(part);
  });
});

describe("relationships", () => {
  it("reads them with any prefix, the default namespace, and external targets flagged", () => {
    const prefixed = `<?xml version="1.0"?><pr:Relationships xmlns:pr="${PR}"><pr:Relationship Id="rId1" Type="${T}/worksheet" Target="worksheets/a.xml"/><pr:Relationship Id="rId2" Type="${T}/hyperlink" Target="http://example.com/" TargetMode="External"/></pr:Relationships>`;
    expect(parseRels(prefixed)).toEqual([
      { id: "rId1", type: `${T}/worksheet`, target: "worksheets/a.xml", external: false },
      { id: "rId2", type: `${T}/hyperlink`, target: "http://example.com/", external: true },
    ]);
    const plain = `<Relationships xmlns="${PR}"><Relationship Id="x" Type="${S}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`;
    expect(parseRels(plain)).toEqual([{ id: "x", type: `${S}/officeDocument`, target: "/xl/workbook.xml", external: false }]);
  });

  it("ignores elements of another namespace that share the name", () => {
    const other = `<Relationships xmlns="${PR}" xmlns:o="urn:other"><o:Relationship Id="no" Type="${T}/worksheet" Target="x.xml"/></Relationships>`;
    expect(parseRels(other)).toEqual([]);
  });

  it("names the part that is not well-formed", () => {
    expect(() => parseRels("<Relationships><Relationship", "xl/_rels/workbook.xml.rels")).toThrow(XmlError);
    try {
      parseRels("<a>", "xl/_rels/workbook.xml.rels");
    } catch (e) {
      expect((e as XmlError).part).toBe("xl/_rels/workbook.xml.rels");
    }
  });

  it("knows a type's kind in transitional and Strict, and nothing else", () => {
    expect(relKind(`${T}/officeDocument`)).toBe("officeDocument");
    expect(relKind(`${S}/worksheet`)).toBe("worksheet");
    expect(relKind("http://schemas.microsoft.com/office/2006/relationships/ui/extensibility")).toBeNull();
    expect(relKind(`${T}`)).toBeNull();
  });
});

describe("content types", () => {
  it("reads defaults and overrides with any prefix, matched ignoring case", () => {
    const xml = `<ct:Types xmlns:ct="${CT}"><ct:Default Extension="XML" ContentType="application/xml"/><ct:Override PartName="/xl/Workbook.xml" ContentType="wb"/></ct:Types>`;
    const types = parseContentTypes(xml);
    expect(contentTypeOf(types, "xl/workbook.xml")).toBe("wb");
    expect(contentTypeOf(types, "/XL/WORKBOOK.XML")).toBe("wb");
    expect(contentTypeOf(types, "xl/styles.xml")).toBe("application/xml");
    expect(contentTypeOf(types, "xl/media/image1.png")).toBeUndefined();
    expect(contentTypeOf(types, "xl.d/noext")).toBeUndefined();
  });
});

describe("Package", () => {
  const rootRels = (type: string, target: string) => `<Relationships xmlns="${PR}"><Relationship Id="rId1" Type="${type}" Target="${target}"/></Relationships>`;

  it("finds the office document the package relationships name, wherever it is and however it is spelled", () => {
    const pkg = Package.open(
      writeZip([
        { name: "[Content_Types].xml", data: `<Types xmlns="${CT}"><Default Extension="xml" ContentType="application/xml"/></Types>` },
        { name: "_rels/.rels", data: rootRels(`${S}/officeDocument`, "/Book/WB.XML") },
        { name: "book/wb.xml", data: "<workbook/>" },
        {
          name: "book/_rels/wb.xml.rels",
          data: `<Relationships xmlns="${PR}"><Relationship Id="a" Type="${S}/worksheet" Target="./sheets/unit%201.xml"/><Relationship Id="b" Type="${T}/worksheet" Target="../elsewhere/s.xml"/><Relationship Id="c" Type="${T}/worksheet" Target="http://x/y.xml" TargetMode="External"/></Relationships>`,
        },
        { name: "book/sheets/unit 1.xml", data: "<worksheet>1</worksheet>" },
        { name: "elsewhere/s.xml", data: "<worksheet>2</worksheet>" },
      ]),
    );
    const wb = pkg.officeDocument()!;
    expect(wb).toBe("Book/WB.XML");
    expect(pkg.text(wb)).toBe("<workbook/>");
    const sheets = pkg.related(wb, "worksheet");
    expect(sheets.map((s) => s.rel.id)).toEqual(["a", "b"]);
    expect(sheets.map((s) => pkg.text(s.part))).toEqual(["<worksheet>1</worksheet>", "<worksheet>2</worksheet>"]);
    expect(pkg.byId(wb, "c")).toBeNull();
    expect(pkg.byId(wb, "b")!.part).toBe("elsewhere/s.xml");
    expect(pkg.contentType("/book/sheets/unit 1.xml")).toBe("application/xml");
    expect(pkg.has("/ELSEWHERE/S.xml")).toBe(true);
  });

  it("has no office document without package relationships (never an assumed xl/workbook.xml)", () => {
    const pkg = Package.open(writeZip([{ name: "xl/workbook.xml", data: "<workbook/>" }]));
    expect(pkg.officeDocument()).toBeNull();
    expect(pkg.rels("xl/workbook.xml")).toEqual([]);
  });
});

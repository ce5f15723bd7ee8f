/** The namespace-aware XML scanner: names by namespace, text decoded, damage refused. */
import { attr, parseXml, XmlError, type XmlTag } from "../../src/xlsx/xml";

function events(xml: string): string[] {
  const out: string[] = [];
  parseXml("p.xml", xml, {
    open: (t) => void out.push(`<{${t.uri}}${t.local}>`),
    close: (t) => out.push(`</${t.local}>`),
    text: (t) => out.push(JSON.stringify(t)),
  });
  return out;
}

function failure(xml: string): string {
  try {
    events(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(XmlError);
    expect((e as XmlError).part).toBe("p.xml");
    return (e as XmlError).detail;
  }
  throw new Error("parsed");
}

describe("parseXml", () => {
  it("resolves default and prefixed namespaces, scoped to their element", () => {
    expect(events(`<?xml version="1.0"?><!-- c --><a xmlns="urn:a" xmlns:b="urn:b"><b:x/><y xmlns="urn:c"><z/></y><z/></a>`)).toEqual([
      "<{urn:a}a>",
      "<{urn:b}x>",
      "</x>",
      "<{urn:c}y>",
      "<{urn:c}z>",
      "</z>",
      "</y>",
      "<{urn:a}z>",
      "</z>",
      "</a>",
    ]);
  });

  it("resolves siblings of one name each in its own scope (a redeclared prefix, another parent's default)", () => {
    expect(events(`<r xmlns:a="urn:1"><a:x/><a:x xmlns:a="urn:2"/><a:x/><p xmlns="urn:3"><x/></p><p xmlns="urn:4"><x/></p></r>`)).toEqual([
      "<{}r>",
      "<{urn:1}x>",
      "</x>",
      "<{urn:2}x>",
      "</x>",
      "<{urn:1}x>",
      "</x>",
      "<{urn:3}p>",
      "<{urn:3}x>",
      "</x>",
      "</p>",
      "<{urn:4}p>",
      "<{urn:4}x>",
      "</x>",
      "</p>",
      "</r>",
    ]);
  });

  it("decodes entities, character references and CDATA, and normalises line ends", () => {
    expect(events(`<a>x &lt;&amp;&gt; &#7889;&#x1EE9; <![CDATA[<raw & text>]]>\r\ny</a>`)).toEqual([
      "<{}a>",
      JSON.stringify("x <&> ốứ "),
      JSON.stringify("<raw & text>"),
      JSON.stringify("\ny"),
      "</a>",
    ]);
  });

  it("reads attributes by local name: unprefixed ones, or by namespace whatever the prefix", () => {
    let tag: XmlTag | undefined;
    parseXml("p", `<s xmlns:rel="urn:r" xmlns:q="urn:q" name="A &amp; B" rel:id="rId1" q:id="other" v="a\tb\nc&#10;d"/>`, { open: (t) => void (tag = t) });
    expect(attr(tag!, "name")).toBe("A & B");
    expect(attr(tag!, "id")).toBeUndefined();
    expect(attr(tag!, "id", ["urn:r"])).toBe("rId1");
    expect(attr(tag!, "id", ["urn:x", "urn:q"])).toBe("other");
    expect(attr(tag!, "v")).toBe("a b c\nd");
  });

  it("accepts a byte-order mark, a DOCTYPE without expanding it, and single quotes", () => {
    expect(events(`\uFEFF<!DOCTYPE a [<!ENTITY e "boom">]><a k='v'>t</a>`)).toEqual(["<{}a>", '"t"', "</a>"]);
  });

  it("reads a tag's attributes alike whether or not they need decoding (the quick path and the full one)", () => {
    const read = (xml: string) => {
      const got: (string | undefined)[][] = [];
      parseXml("p", xml, { open: (t) => void got.push([t.name, attr(t, "b"), attr(t, "c")]) });
      return got;
    };
    expect(read(`<r><a  b = "1"\n\tc='>'/><a b="1" c="&gt;"/><a b="1"c=">"/></r>`)).toEqual([
      ["r", undefined, undefined],
      ["a", "1", ">"],
      ["a", "1", ">"],
      ["a", "1", ">"],
    ]);
  });

  it("passes a text-only element's text at once, and scans it as usual when it holds markup", () => {
    const seen = (xml: string) => {
      const out: string[] = [];
      parseXml("p", xml, {
        open: (t) => {
          out.push(`<${t.local}>`);
          return t.local === "v";
        },
        close: (t) => void out.push(`</${t.local}>`),
        text: (t) => void out.push(JSON.stringify(t)),
      });
      return out;
    };
    expect(seen(`<c><v>1 &amp; 2\r\n</v><v></v><v>a<!-- x -->b</v><v>x</v ></c>`)).toEqual([
      "<c>",
      "<v>",
      JSON.stringify("1 & 2\n"),
      "</v>",
      "<v>",
      "</v>",
      "<v>",
      '"a"',
      '"b"',
      "</v>",
      "<v>",
      '"x"',
      "</v>",
      "</c>",
    ]);
    expect(() => seen("<c><v>1</w></c>")).toThrow(/does not match/);
    expect(() => seen("<v>1 &bad; 2</v>")).toThrow(/unknown entity/);
  });

  it.each([
    ['<a b="x<y"/>', /"<" in attribute b/],
    ['<a b="&bogus;"/>', /unknown entity/],
    ['<a b c="1"/>', /without a value/],
    ["<a b='1\"/>", /unterminated attribute/],
    ["<a><b></a>", /does not match/],
    ["<a><b>", /not closed/],
    ["<a>", /not closed/],
    ["<a/><b/>", /second root/],
    ["x<a/>", /text outside/],
    ["<a>&nbsp;</a>", /unknown entity/],
    ["<a>AT&T</a>", /not starting an entity/],
    ["<x:a/>", /undeclared prefix/],
    ['<a b="1/>', /unterminated|unquoted/],
    ["<a b=1/>", /unquoted/],
    ["", /no root/],
    ["<a><!-- x </a>", /unterminated comment/],
  ])("refuses %j", (xml, why) => {
    expect(failure(xml)).toMatch(why);
  });
});

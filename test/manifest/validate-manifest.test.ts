import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { assetPathFor, main, parseXml, pngSize, validateManifest, type XmlElement } from "../../scripts/validate-manifest";
import { unguardedCalls, versionAtLeast } from "../../scripts/api-floor";

const ROOT = resolve(__dirname, "../..");
const ASSETS = join(ROOT, "assets");
const MANIFEST = readFileSync(join(ROOT, "manifest.xml"), "utf8");

/** The real manifest with `find` replaced; fails loudly if `find` is not there, so a stale mutation can't pass. */
function mutate(find: string | RegExp, replace: string, xml = MANIFEST): string {
  const found = typeof find === "string" ? xml.includes(find) : find.test(xml);
  if (!found) throw new Error(`mutation target not in manifest.xml: ${String(find)}`);
  return xml.replace(find, replace);
}

function validate(xml: string) {
  return validateManifest(xml, { assetsDir: ASSETS });
}

function find(el: XmlElement, pred: (e: XmlElement) => boolean): XmlElement[] {
  const out = pred(el) ? [el] : [];
  for (const c of el.children) out.push(...find(c, pred));
  return out;
}

describe("the real manifest.xml", () => {
  it("passes with no errors and no warnings", () => {
    const result = validate(MANIFEST);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  const root = parseXml(MANIFEST).root!;
  const text = (local: string) => find(root, (e) => e.local === local).map((e) => e.text.trim());

  it("is a Vietnamese-first task-pane add-in for Excel that needs ExcelApi 1.7 (volume-licensed Office 2019)", () => {
    expect(root.xsiType).toBe("TaskPaneApp");
    expect(text("DefaultLocale")).toEqual(["vi-VN"]);
    expect(find(root, (e) => e.local === "Host" && e.attrs.Name !== undefined).map((e) => e.attrs.Name)).toEqual(["Workbook"]);
    const sets = find(root, (e) => e.local === "Set").map((e) => [e.attrs.Name, e.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", "1.7"]]);
    expect(text("Permissions")).toEqual(["ReadWriteDocument"]);
  });

  it("puts a 'Khối thi đua' group with both buttons on the Home tab", () => {
    const tab = find(root, (e) => e.local === "OfficeTab");
    expect(tab.map((t) => t.attrs.id)).toEqual(["TabHome"]);
    expect(MANIFEST).toMatch(/<bt:String id="Group.Label" DefaultValue="Khối thi đua">\s*<bt:Override Locale="en-US" Value="Emulation bloc"\/>/);
    expect(MANIFEST).toMatch(/DefaultValue="Tổng hợp Khối">\s*<bt:Override Locale="en-US" Value="Build bloc summary"\/>/);
    expect(MANIFEST).toMatch(/DefaultValue="Mở bảng điều khiển">\s*<bt:Override Locale="en-US" Value="Open control panel"\/>/);

    const actions = find(root, (e) => e.local === "Action");
    expect(actions.map((a) => a.xsiType)).toEqual(["ExecuteFunction", "ShowTaskpane"]);
    expect(text("FunctionName")).toEqual(["buildBlocSummary"]);
    expect(text("TaskpaneId")).toEqual(["BlocSummary.Taskpane"]);
  });

  it("runs the ribbon and the pane in one shared runtime: taskpane.html is the runtime, the function file and the pane", () => {
    const runtimes = find(root, (e) => e.local === "Runtime");
    expect(runtimes.map((r) => [r.attrs.resid, r.attrs.lifetime])).toEqual([["Taskpane.Url", "long"]]);
    expect(find(root, (e) => e.local === "FunctionFile").map((e) => e.attrs.resid)).toEqual(["Taskpane.Url"]);
    expect(find(root, (e) => e.local === "SourceLocation" && e.attrs.resid !== undefined).map((e) => e.attrs.resid)).toEqual(["Taskpane.Url"]);
    // Not a requirement: Office 2019 (no SharedRuntime) keeps its ribbon.
    expect(find(root, (e) => e.local === "Set").map((e) => e.attrs.Name)).not.toContain("SharedRuntime");
    expect(MANIFEST).not.toContain("commands.html");
    expect(MANIFEST).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>');
    // Namespace names are http URIs by definition; every address Office loads is https.
    expect(MANIFEST).not.toMatch(/(Value="|<AppDomain>)http:/);
  });
});

/** Each row: a realistic mistake made to the real manifest, and the error it must produce. */
const BROKEN: [string, () => string, RegExp][] = [
  [
    "malformed XML (mismatched close tag)",
    () => mutate("<Permissions>ReadWriteDocument</Permissions>", "<Permissions>ReadWriteDocument</Permission>"),
    /XML is not well-formed: .*close tag/,
  ],
  [
    "an element out of the schema's order (<Version> after <ProviderName>)",
    () => mutate("<Version>1.0.0.0</Version>\n  <ProviderName>Bloc Summary</ProviderName>", "<ProviderName>Bloc Summary</ProviderName>\n  <Version>1.0.0.0</Version>"),
    /<Version> is out of order in <OfficeApp>: it must come before <ProviderName>/,
  ],
  [
    "an element out of order inside VersionOverrides (<FunctionFile> before <GetStarted>)",
    () => mutate(/(<GetStarted>[\s\S]*?<\/GetStarted>)(\s*<!--[^>]*-->\s*)(<FunctionFile resid="Taskpane.Url"\/>)/, "$3$2$1"),
    /<GetStarted> is out of order in <DesktopFormFactor>: it must come before <FunctionFile>/,
  ],
  ["a resid that names no resource", () => mutate('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>'), /<Label resid="Group.Missing"> refers to no resource/],
  [
    "a resid that points at the wrong kind of resource",
    () => mutate('<Label resid="Group.Label"/>', '<Label resid="BuildButton.Tooltip"/>'),
    /must point into <bt:ShortStrings>, but "BuildButton.Tooltip" is in <bt:LongStrings>/,
  ],
  ["a resource id of 33 characters", () => MANIFEST.split('"Group.Label"').join(`"${"G".repeat(33)}"`), /resource id "G{33}" is 33 characters, longer than 32/],
  ["a short string of 126 characters", () => mutate('DefaultValue="Khối thi đua"', `DefaultValue="${"ố".repeat(126)}"`), /string "Group.Label" is 126 characters, longer than 125/],
  [
    "a long string override of 251 characters",
    () => mutate(/(<bt:String id="BuildButton.Tooltip"[^>]*>\s*<bt:Override Locale="en-US" Value=")[^"]*"/, `$1${"x".repeat(251)}"`),
    /string "BuildButton.Tooltip" \(en-US\) is 251 characters, longer than 250/,
  ],
  [
    "a DisplayName longer than 125 characters",
    () => mutate('<DisplayName DefaultValue="Tổng hợp Khối thi đua">', `<DisplayName DefaultValue="${"a".repeat(126)}">`),
    /<DisplayName> is 126 characters, longer than 125/,
  ],
  [
    "an http URL",
    () => mutate('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>', '<SourceLocation DefaultValue="http://localhost:3000/taskpane.html"/>'),
    /<SourceLocation> "http:\/\/localhost:3000\/taskpane.html" must use https/,
  ],
  [
    "an http AppDomain",
    () => mutate("<AppDomain>https://localhost:3000</AppDomain>", "<AppDomain>http://localhost:3000</AppDomain>"),
    /<AppDomain> "http:\/\/localhost:3000" must use https/,
  ],
  ["an icon file that does not exist", () => mutate("assets/panel-32.png", "assets/panel-33.png"), /image "PanelIcon.32x32": icon file assets\/panel-33.png not found/],
  [
    "an icon of the wrong size",
    () =>
      mutate(
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
        '<HighResolutionIconUrl DefaultValue="https://localhost:3000/assets/icon-80.png"/>',
      ),
    /<HighResolutionIconUrl>: assets\/icon-80.png is 80×80, expected 64×64/,
  ],
  ["a string resource without its en-US override", () => mutate('<bt:Override Locale="en-US" Value="Emulation bloc"/>', ""), /string "Group.Label" has no en-US override/],
  [
    "a Description without its en-US override",
    () => mutate(/(<Description DefaultValue="[^"]*">)\s*<Override Locale="en-US" Value="[^"]*"\/>/, "$1"),
    /<Description> has no en-US override/,
  ],
  ["an Id that is not a GUID", () => mutate("<Id>460d67cb-20f6-4729-b561-3d282d70bd45</Id>", "<Id>bloc-summary</Id>"), /<Id> must be a GUID, found "bloc-summary"/],
  ["a Version that is not n.n.n.n", () => mutate("<Version>1.0.0.0</Version>", "<Version>1.0</Version>"), /<Version> must have the form n.n.n.n, found "1.0"/],
  ["a missing required element", () => mutate("<Permissions>ReadWriteDocument</Permissions>", ""), /<OfficeApp> lacks the required <Permissions>/],
  [
    "a shared runtime with a short lifetime",
    () => mutate('<Runtime resid="Taskpane.Url" lifetime="long"/>', '<Runtime resid="Taskpane.Url"/>'),
    /<Runtime lifetime=""> must be "long"/,
  ],
  [
    "a function file outside the shared runtime",
    () => mutate('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="GetStarted.LearnMoreUrl"/>'),
    /<FunctionFile resid="GetStarted.LearnMoreUrl"> must be the runtime's "Taskpane.Url"/,
  ],
  ["a task pane without its id in a shared runtime", () => mutate("<TaskpaneId>BlocSummary.Taskpane</TaskpaneId>", ""), /a task pane in a shared runtime needs a <TaskpaneId>/],
  [
    "a FunctionName that is not a JavaScript identifier",
    () => mutate("<FunctionName>buildBlocSummary</FunctionName>", "<FunctionName>build bloc</FunctionName>"),
    /<FunctionName> "build bloc" is not a JavaScript function name/,
  ],
];

describe("validateManifest on a broken manifest", () => {
  it.each(BROKEN)("reports %s", (_name, make, expected) => {
    const { errors } = validate(make());
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(expected)]));
  });

  it("points at the line of the offending element", () => {
    const xml = mutate('<Label resid="Group.Label"/>', '<Label resid="Group.Missing"/>');
    const line = xml.split("\n").findIndex((l) => l.includes("Group.Missing")) + 1;
    expect(validate(xml).errors).toContainEqual(expect.stringMatching(new RegExp(`^line ${line}: `)));
  });

  it("warns about a resource that nothing uses", () => {
    const xml = mutate("</bt:Urls>", '  <bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/unused.html"/>\n      </bt:Urls>');
    const { errors, warnings } = validate(xml);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/resource "Unused.Url" is never used/)]);
  });

  it("asks for every locale used anywhere, not only en-US", () => {
    const xml = mutate(
      '<Override Locale="en-US" Value="Bloc Summary"/>',
      '<Override Locale="en-US" Value="Bloc Summary"/>\n    <Override Locale="fr-FR" Value="Synthèse du bloc"/>',
    );
    const { errors } = validate(xml);
    expect(errors).toContainEqual(expect.stringMatching(/<Description> has no fr-FR override/));
    expect(errors).toContainEqual(expect.stringMatching(/string "Group.Label" has no fr-FR override/));
  });

  it("stops at the first problem of a document that is not XML at all", () => {
    expect(validate("").errors).toEqual([expect.stringMatching(/^XML is not well-formed/)]);
    expect(validate("<OfficeApp>").errors[0]).toMatch(/^XML is not well-formed/);
  });

  it("rejects a root that is not an OfficeApp", () => {
    expect(validate('<Manifest xmlns="urn:x"/>').errors).toEqual([expect.stringMatching(/root element must be <OfficeApp/)]);
  });
});

describe("helpers", () => {
  it("maps icon URLs into the assets folder, wherever the site is hosted", () => {
    expect(assetPathFor("https://localhost:3000/assets/icon-16.png")).toBe("icon-16.png");
    expect(assetPathFor("https://example.gov.vn/bloc/assets/icon-16.png")).toBe("icon-16.png");
    expect(assetPathFor("https://example.gov.vn/icon-16.png")).toBe("icon-16.png");
    expect(assetPathFor("https://example.gov.vn/assets/..%2F..%2Fetc%2Fpasswd")).toBeUndefined();
    expect(assetPathFor("not a url")).toBeUndefined();
  });

  it("reads a PNG's size from its header and refuses other files", () => {
    expect(pngSize(readFileSync(join(ASSETS, "icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(pngSize(Buffer.from("GIF89a...................."))).toBeUndefined();
  });
});

describe("the command line", () => {
  let dir: string;
  let log: jest.SpyInstance;
  let err: jest.SpyInstance;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "manifest-"));
    mkdirSync(join(dir, "assets"));
    for (const f of readdirSync(ASSETS).filter((f) => f.endsWith(".png"))) copyFileSync(join(ASSETS, f), join(dir, "assets", f));
    log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    err = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => {
    log.mockRestore();
    err.mockRestore();
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints '<file>: OK' and exits 0 for a valid manifest, taking icons from the assets folder beside it", () => {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, MANIFEST);
    expect(main([file])).toBe(0);
    expect(log).toHaveBeenCalledWith(`${file}: OK`);
  });

  it("lists the errors and exits 1 for a broken manifest", () => {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, mutate("<Version>1.0.0.0</Version>", "<Version>one</Version>"));
    expect(main([file])).toBe(1);
    expect(err).toHaveBeenCalledWith(expect.stringMatching(/error: line \d+: <Version> must have the form n.n.n.n/));
    expect(log).not.toHaveBeenCalled();
  });

  it("fails when the icons are missing from the assets folder", () => {
    const file = join(dir, "manifest.xml");
    writeFileSync(file, MANIFEST);
    expect(main([file, "--assets", join(dir, "nowhere")])).toBe(1);
  });

  it("exits 2 when the file cannot be read", () => {
    expect(main([join(dir, "missing.xml")])).toBe(2);
  });
});

describe("the declared floor against the code (scripts/api-floor.ts)", () => {
  const floor = { ExcelApi: "1.7" };
  const members = (code: string, floors: Record<string, string> = floor) => unguardedCalls("x.ts", code, floors).map((f) => `${f.line}:${f.member}`);

  it("finds a member above the floor that nothing guards", () => {
    expect(members("function f(ws: Excel.Worksheet) {\n  ws.pageLayout.orientation = 'Landscape';\n}")).toEqual(["2:pageLayout"]);
    expect(members("const shown = () => Office.addin.showAsTaskpane();")).toEqual(["1:showAsTaskpane"]);
  });

  it.each([
    ["an if on the requirement call", `if (supports("ExcelApi", "1.9")) ws.pageLayout.zoom = z;`],
    ["an if on a const bound to it", `const layout = supports("ExcelApi", "1.9");\nif (layout) { const p = ws.pageLayout; p.zoom = z; }`],
    ["a property bound to it", `const can = { orientation: supports("ExcelApi", "1.9") };\nif (can.orientation) ws.pageLayout.orientation = o;`],
    ["a string a conditional picks by it", `const kind = supports("ExcelApi", "1.18") ? "note" : "none";\nif (kind === "note") ws.notes.add("A1", t);`],
    [
      "a function that asks for the set",
      `function shared() { return Office.context.requirements.isSetSupported("SharedRuntime", "1.1"); }\nasync function show() { if (shared()) await Office.addin.showAsTaskpane(); }`,
    ],
    ["an early return", `function f(ws) {\n  if (!supports("ExcelApi", "1.13")) return;\n  ws.getRange().getMergedAreasOrNullObject();\n}`],
    ["&& and ?:", `const a = events && context.runtime.enableEvents;\nconst b = events ? context.runtime.enableEvents : true;\nconst events = supports("ExcelApi", "1.8");`],
  ])("accepts %s as a guard", (_name, code) => {
    expect(members(code)).toEqual([]);
  });

  it("does not take a guard for an older set as one for a newer member", () => {
    expect(members(`const layout = supports("ExcelApi", "1.8");\nif (layout) ws.pageLayout.zoom = z;`)).toEqual(["2:pageLayout"]);
    expect(versionAtLeast("1.10", "1.9")).toBe(true);
    expect(versionAtLeast("1.9", "1.10")).toBe(false);
  });

  it("finds nothing unguarded in the add-in's own code at the manifest's floor", () => {
    const result = validateManifest(MANIFEST, { assetsDir: ASSETS, sourcesDir: join(ROOT, "src") });
    expect(result.errors).toEqual([]);
  });

  it("would refuse a floor below what the code calls unguarded (ExcelApi 1.6: getRangeByIndexes, hyperlinks, freeze panes)", () => {
    const lowered = mutate('<Set Name="ExcelApi" MinVersion="1.7"/>', '<Set Name="ExcelApi" MinVersion="1.6"/>');
    const { errors } = validateManifest(lowered, { assetsDir: ASSETS, sourcesDir: join(ROOT, "src") });
    expect(errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/src\/excel\/sheetWriter\.ts:\d+: getRangeByIndexes needs ExcelApi 1\.7, above the manifest's floor ExcelApi 1\.6/)]),
    );
  });
});

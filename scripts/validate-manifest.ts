/**
 * Offline validator for the add-in's XML manifest.
 *
 *   npm run validate                       # manifest.xml, icons from ./assets
 *   tsx scripts/validate-manifest.ts dist/manifest.xml            # icons from dist/assets
 *   tsx scripts/validate-manifest.ts manifest.xml --assets assets
 *
 * `office-addin-manifest validate` (npm run validate:online) needs the internet; this one does not.
 * It is not a full XSD validation: it checks what most often breaks an add-in at sideload time —
 * well-formedness, the schema's element order, resource references, Office's length limits,
 * https everywhere, icons that exist at the declared size, both locales complete, a shared runtime
 * that really is shared, and the declared ExcelApi floor against the calls the code makes without
 * checking first (scripts/api-floor.ts).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize, resolve, sep } from "node:path";
import { SaxesParser } from "saxes";
import { checkApiFloor } from "./api-floor";

export interface ValidateOptions {
  /** Folder the icon URLs map to: ".../assets/icon-16.png" → <assetsDir>/icon-16.png. */
  assetsDir: string;
  /** Locales every localisable string must override (besides the default locale). */
  requiredLocales?: readonly string[];
  /** The add-in's sources (src/): the Office.js calls are checked against the declared floor. */
  sourcesDir?: string;
}

export interface ValidationResult {
  errors: string[];
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// A small element tree on top of saxes (a strict, namespace-aware SAX parser)

export const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

export interface XmlElement {
  /** Local name, without prefix. */
  local: string;
  uri: string;
  /** Attributes in no namespace, by name. */
  attrs: Record<string, string>;
  /** The xsi:type attribute, whatever its prefix. */
  xsiType?: string;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
  line: number;
  parent?: XmlElement;
}

export interface ParseResult {
  root?: XmlElement;
  errors: string[];
}

export function parseXml(xmlText: string): ParseResult {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const errors: string[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let startLine = 1;

  parser.on("error", (e) => errors.push(e.message));
  parser.on("opentagstart", () => {
    startLine = parser.line;
  });
  parser.on("opentag", (tag) => {
    const el: XmlElement = {
      local: tag.local,
      uri: tag.uri,
      attrs: {},
      children: [],
      text: "",
      line: startLine,
      parent: stack[stack.length - 1],
    };
    for (const a of Object.values(tag.attributes)) {
      if (a.uri === "") el.attrs[a.local] = a.value;
      else if (a.uri === NS.xsi && a.local === "type") el.xsiType = a.value;
    }
    if (el.parent) el.parent.children.push(el);
    else root ??= el;
    if (!tag.isSelfClosing) stack.push(el);
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const onText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);

  // A UTF-8 byte-order mark is legal before the XML declaration but saxes would see it as text.
  parser.write(xmlText.replace(/^\uFEFF/, "")).close();
  return errors.length > 0 ? { errors } : { root, errors };
}

function childrenNamed(el: XmlElement | undefined, local: string): XmlElement[] {
  return el ? el.children.filter((c) => c.local === local) : [];
}

function child(el: XmlElement | undefined, local: string): XmlElement | undefined {
  return el?.children.find((c) => c.local === local);
}

function* walk(el: XmlElement): Generator<XmlElement> {
  yield el;
  for (const c of el.children) yield* walk(c);
}

/** "bt:Image" for the basic-types namespace, the bare name otherwise: how the order table names children. */
function qualified(el: XmlElement): string {
  return (el.uri === NS.basicTypes ? "bt:" : "") + el.local;
}

/** Characters as a person counts them (code points), not UTF-16 units. */
function length(s: string): number {
  return [...s].length;
}

// ---------------------------------------------------------------------------------------------
// Rules

/** Office's limits (add-in only manifest reference). */
export const LIMITS = {
  resourceId: 32,
  shortString: 125,
  longString: 250,
  controlId: 125,
  url: 2048,
} as const;

interface ChildRule {
  /** Allowed children, in the order the XSD's sequence requires; names in one inner list may mix. */
  order: readonly (string | readonly string[])[];
  required?: readonly string[];
  repeatable?: readonly string[];
}

const LOCALE_AWARE: ChildRule = { order: ["Override"], repeatable: ["Override"] };
const RESOURCE_LIST = (item: string): ChildRule => ({ order: [item], repeatable: [item] });

/**
 * Child order per element, keyed by local name, or "Name[xsi:type]" where the type changes the
 * content. From the TaskPaneApp schema (OfficeApp 1.1, TaskPaneAppVersionOverrides 1.0).
 * Elements without an entry are not order-checked.
 */
const CHILD_RULES: Record<string, ChildRule> = {
  OfficeApp: {
    order: [
      "Id",
      "AlternateId",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "AppDomains",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "Dictionary",
      "VersionOverrides",
      "ExtendedOverrides",
    ],
    required: ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "DefaultSettings", "Permissions"],
  },
  DisplayName: LOCALE_AWARE,
  Description: LOCALE_AWARE,
  IconUrl: LOCALE_AWARE,
  HighResolutionIconUrl: LOCALE_AWARE,
  SupportUrl: LOCALE_AWARE,
  SourceLocation: LOCALE_AWARE,
  AppDomains: RESOURCE_LIST("AppDomain"),
  Hosts: { order: ["Host"], required: ["Host"], repeatable: ["Host"] },
  Requirements: { order: ["Sets", "Methods"] },
  Sets: { order: ["Set"], required: ["Set"], repeatable: ["Set"] },
  DefaultSettings: { order: ["SourceLocation", "RequestedWidth", "RequestedHeight"], required: ["SourceLocation"] },
  "VersionOverrides[VersionOverridesV1_0]": {
    order: ["Description", "Requirements", "Hosts", "Resources", "WebApplicationInfo", "EquivalentAddins"],
  },
  "Host[Workbook]": { order: ["Runtimes", "AllFormFactors", "DesktopFormFactor"] },
  Runtimes: { order: ["Runtime"], required: ["Runtime"], repeatable: ["Runtime"] },
  Runtime: { order: ["Override"] },
  DesktopFormFactor: {
    order: ["GetStarted", "FunctionFile", "ExtensionPoint"],
    required: ["ExtensionPoint"],
    repeatable: ["ExtensionPoint"],
  },
  GetStarted: { order: ["Title", "Description", "LearnMoreUrl"], required: ["Title", "Description"] },
  OfficeTab: RESOURCE_LIST("Group"),
  Group: {
    order: ["Label", "Icon", ["Control", "OfficeControl"], "OverriddenByRibbonApi"],
    required: ["Label", "Icon"],
    repeatable: ["Control", "OfficeControl"],
  },
  "Control[Button]": {
    order: ["Label", "Supertip", "Icon", "Action", "Enabled", "OverriddenByRibbonApi"],
    required: ["Label", "Supertip", "Icon", "Action"],
  },
  Supertip: { order: ["Title", "Description"], required: ["Title", "Description"] },
  Icon: RESOURCE_LIST("bt:Image"),
  "Action[ExecuteFunction]": { order: ["FunctionName"], required: ["FunctionName"] },
  "Action[ShowTaskpane]": { order: ["TaskpaneId", "SourceLocation", "Title"], required: ["SourceLocation"] },
  Resources: { order: ["bt:Images", "bt:Urls", "bt:ShortStrings", "bt:LongStrings"] },
  Images: RESOURCE_LIST("bt:Image"),
  Urls: RESOURCE_LIST("bt:Url"),
  ShortStrings: RESOURCE_LIST("bt:String"),
  LongStrings: RESOURCE_LIST("bt:String"),
  String: RESOURCE_LIST("bt:Override"),
  Url: RESOURCE_LIST("bt:Override"),
};

function rank(rule: ChildRule, name: string): number {
  return rule.order.findIndex((entry) => (typeof entry === "string" ? entry === name : entry.includes(name)));
}

function ruleFor(el: XmlElement): ChildRule | undefined {
  return (el.xsiType ? CHILD_RULES[`${el.local}[${el.xsiType}]`] : undefined) ?? CHILD_RULES[el.local];
}

export type ResourceKind = "ShortStrings" | "LongStrings" | "Images" | "Urls";

/** Which resource list a `resid` on this element must point into. */
const RESID_KIND: Record<string, ResourceKind> = {
  Image: "Images",
  FunctionFile: "Urls",
  SourceLocation: "Urls",
  LearnMoreUrl: "Urls",
  Runtime: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
  Tooltip: "LongStrings",
};

const PERMISSIONS = ["Restricted", "ReadDocument", "ReadAllDocument", "WriteDocument", "ReadWriteDocument"];
const HOST_NAMES = ["Workbook", "Document", "Presentation", "Notebook", "Project", "Database", "Mailbox"];
/** Office's own tab ids, for OfficeTab (the core Excel ribbon tabs). */
const OFFICE_TABS = [
  "TabHome",
  "TabInsert",
  "TabPageLayoutExcel",
  "TabFormulas",
  "TabData",
  "TabReview",
  "TabView",
  "TabDeveloper",
  "TabAddIns",
  "TabPrintPreview",
  "TabBackgroundRemoval",
];
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const VERSION = /^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/;
const LOCALE = /^[a-z]{2,3}(-[A-Za-z]{4})?(-([A-Z]{2}|\d{3}))?$/;
const JS_IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

// ---------------------------------------------------------------------------------------------

class Report {
  readonly errors: string[] = [];
  readonly warnings: string[] = [];
  error(el: XmlElement | undefined, message: string): void {
    this.errors.push(el ? `line ${el.line}: ${message}` : message);
  }
  warn(el: XmlElement | undefined, message: string): void {
    this.warnings.push(el ? `line ${el.line}: ${message}` : message);
  }
}

interface Resource {
  id: string;
  kind: ResourceKind;
  el: XmlElement;
}

export function validateManifest(xmlText: string, opts: ValidateOptions): ValidationResult {
  const parsed = parseXml(xmlText);
  if (!parsed.root) {
    return { errors: parsed.errors.map((e) => `XML is not well-formed: ${e}`), warnings: [] };
  }
  const root = parsed.root;
  const report = new Report();

  if (root.local !== "OfficeApp" || root.uri !== NS.office) {
    report.error(root, `the root element must be <OfficeApp xmlns="${NS.office}">, found <${root.local}> in "${root.uri}"`);
    return { errors: report.errors, warnings: report.warnings };
  }
  if (root.xsiType !== "TaskPaneApp") {
    report.error(root, `<OfficeApp> must have xsi:type="TaskPaneApp", found "${root.xsiType ?? ""}"`);
  }

  checkChildOrder(root, report);
  checkIdentity(root, report);
  const defaultLocale = child(root, "DefaultLocale")?.text.trim() ?? "";
  const resources = collectResources(root, report);
  checkResourceReferences(root, resources, report);
  checkStrings(root, resources, report);
  checkLocales(root, resources, defaultLocale, opts.requiredLocales ?? ["en-US"], report);
  checkUrls(root, resources, report);
  checkIcons(root, resources, opts.assetsDir, report);
  checkCommands(root, report);
  checkSharedRuntime(root, report);
  if (opts.sourcesDir) checkFloor(root, opts.sourcesDir, report);

  return { errors: report.errors, warnings: report.warnings };
}

/** The sets the manifest requires, by name → minimum version (ExcelApi's default is 1.1). */
export function declaredFloors(root: XmlElement): Record<string, string> {
  const floors: Record<string, string> = {};
  const sets = child(child(root, "Requirements"), "Sets");
  for (const set of childrenNamed(sets, "Set")) {
    if (set.attrs.Name) floors[set.attrs.Name] = set.attrs.MinVersion ?? sets?.attrs.DefaultMinVersion ?? "1.1";
  }
  floors.ExcelApi ??= "1.1";
  return floors;
}

function checkFloor(root: XmlElement, sourcesDir: string, report: Report): void {
  const floors = declaredFloors(root);
  for (const f of checkApiFloor(sourcesDir, floors)) {
    const at = floors[f.need.set];
    report.error(
      undefined,
      `${f.file}:${f.line}: ${f.member} needs ${f.need.set} ${f.need.version}, ${at ? `above the manifest's floor ${f.need.set} ${at}` : "a set the manifest does not require"}, and no supports("${f.need.set}", "${f.need.version}") guards it`,
    );
  }
}

/**
 * A shared runtime ("Configure your Office Add-in to use a shared runtime"; Runtime element
 * reference): one <Runtime> with lifetime="long" (Excel needs it), and the FunctionFile and every
 * ShowTaskpane action load that same URL, each pane with a TaskpaneId — otherwise Office starts a
 * second runtime and the ribbon and the pane share nothing.
 */
function checkSharedRuntime(root: XmlElement, report: Report): void {
  for (const runtimes of [...walk(root)].filter((el) => el.local === "Runtimes")) {
    const list = childrenNamed(runtimes, "Runtime");
    if (list.length !== 1) report.error(runtimes, `<Runtimes> must hold exactly one <Runtime> for a shared runtime, found ${list.length}`);
    const runtime = list[0];
    if (!runtime) continue;
    if (runtime.attrs.lifetime !== "long") report.error(runtime, `<Runtime lifetime="${runtime.attrs.lifetime ?? ""}"> must be "long" in Excel for a shared runtime`);
    const resid = runtime.attrs.resid;
    const host = runtimes.parent;
    for (const el of host ? [...walk(host)] : []) {
      if (el.local === "FunctionFile" && el.attrs.resid !== resid)
        report.error(el, `<FunctionFile resid="${el.attrs.resid ?? ""}"> must be the runtime's "${resid}", or the ribbon runs in a runtime of its own`);
      if (el.local === "Action" && el.xsiType === "ShowTaskpane") {
        const source = child(el, "SourceLocation");
        if (source?.attrs.resid !== resid) report.error(source ?? el, `the task pane's <SourceLocation resid="${source?.attrs.resid ?? ""}"> must be the runtime's "${resid}"`);
        if (!child(el, "TaskpaneId")) report.error(el, `a task pane in a shared runtime needs a <TaskpaneId>`);
      }
    }
  }
}

function checkChildOrder(root: XmlElement, report: Report): void {
  for (const el of walk(root)) {
    const rule = ruleFor(el);
    if (!rule) continue;
    let furthest: { index: number; el: XmlElement } | undefined;
    const seen = new Set<string>();
    for (const c of el.children) {
      const name = qualified(c);
      const index = rank(rule, name);
      if (index < 0) {
        report.error(c, `<${name}> is not a valid child of <${el.local}>`);
        continue;
      }
      if (furthest && index < furthest.index) {
        report.error(c, `<${name}> is out of order in <${el.local}>: it must come before <${qualified(furthest.el)}> (line ${furthest.el.line})`);
      } else {
        furthest = { index, el: c };
      }
      if (seen.has(name) && !rule.repeatable?.includes(name)) {
        report.error(c, `<${name}> appears more than once in <${el.local}>`);
      }
      seen.add(name);
    }
    for (const name of rule.required ?? []) {
      if (!seen.has(name)) report.error(el, `<${el.local}> lacks the required <${name}>`);
    }
  }
}

function checkIdentity(root: XmlElement, report: Report): void {
  const id = child(root, "Id");
  if (id && !GUID.test(id.text.trim())) report.error(id, `<Id> must be a GUID, found "${id.text.trim()}"`);

  const version = child(root, "Version");
  if (version && !VERSION.test(version.text.trim())) {
    report.error(version, `<Version> must have the form n.n.n.n, found "${version.text.trim()}"`);
  }

  const locale = child(root, "DefaultLocale");
  if (locale && !LOCALE.test(locale.text.trim())) {
    report.error(locale, `<DefaultLocale> "${locale.text.trim()}" is not a culture name such as vi-VN`);
  }

  const permissions = child(root, "Permissions");
  if (permissions && !PERMISSIONS.includes(permissions.text.trim())) {
    report.error(permissions, `<Permissions> must be one of ${PERMISSIONS.join(", ")}, found "${permissions.text.trim()}"`);
  }

  for (const host of childrenNamed(child(root, "Hosts"), "Host")) {
    const name = host.attrs.Name ?? "";
    if (!HOST_NAMES.includes(name)) report.error(host, `<Host Name="${name}"> is not an Office host`);
  }

  for (const set of walk(root)) {
    if (set.local !== "Set") continue;
    if (!set.attrs.Name) report.error(set, `<Set> lacks a Name`);
    const min = set.attrs.MinVersion;
    if (min !== undefined && !/^\d+\.\d+$/.test(min)) report.error(set, `<Set Name="${set.attrs.Name}"> MinVersion "${min}" is not of the form n.n`);
  }
}

function collectResources(root: XmlElement, report: Report): Map<string, Resource> {
  const resources = new Map<string, Resource>();
  const list = child(child(root, "VersionOverrides"), "Resources");
  for (const group of list?.children ?? []) {
    const kind = group.local as ResourceKind;
    if (!["ShortStrings", "LongStrings", "Images", "Urls"].includes(kind)) continue;
    for (const el of group.children) {
      const id = el.attrs.id;
      if (id === undefined || id === "") {
        report.error(el, `a resource in <bt:${kind}> has no id`);
        continue;
      }
      if (length(id) > LIMITS.resourceId) {
        report.error(el, `resource id "${id}" is ${length(id)} characters, longer than ${LIMITS.resourceId}`);
      }
      const previous = resources.get(id);
      if (previous) {
        report.error(el, `resource id "${id}" is defined twice (first at line ${previous.el.line})`);
        continue;
      }
      if (el.attrs.DefaultValue === undefined) report.error(el, `resource "${id}" has no DefaultValue`);
      resources.set(id, { id, kind, el });
    }
  }
  return resources;
}

function checkResourceReferences(root: XmlElement, resources: Map<string, Resource>, report: Report): void {
  const used = new Set<string>();
  for (const el of walk(root)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    if (length(resid) > LIMITS.resourceId) {
      report.error(el, `resid "${resid}" is ${length(resid)} characters, longer than ${LIMITS.resourceId}`);
    }
    const target = resources.get(resid);
    if (!target) {
      report.error(el, `<${qualified(el)} resid="${resid}"> refers to no resource: no bt:String, bt:Image or bt:Url has that id`);
      continue;
    }
    const expected = RESID_KIND[el.local];
    if (!expected) {
      report.warn(el, `cannot tell which kind of resource <${qualified(el)}> expects; not checked`);
    } else if (target.kind !== expected) {
      report.error(el, `<${qualified(el)} resid="${resid}"> must point into <bt:${expected}>, but "${resid}" is in <bt:${target.kind}> (line ${target.el.line})`);
    }
  }
  for (const r of resources.values()) {
    if (!used.has(r.id)) report.warn(r.el, `resource "${r.id}" is never used`);
  }
}

/** Every localisable string with its limit: DisplayName, Description, and the string resources. */
function localisedStrings(root: XmlElement, resources: Map<string, Resource>): { el: XmlElement; label: string; limit: number }[] {
  const out: { el: XmlElement; label: string; limit: number }[] = [];
  const displayName = child(root, "DisplayName");
  if (displayName) out.push({ el: displayName, label: "<DisplayName>", limit: LIMITS.shortString });
  const description = child(root, "Description");
  if (description) out.push({ el: description, label: "<Description>", limit: LIMITS.longString });
  for (const r of resources.values()) {
    if (r.kind === "ShortStrings") out.push({ el: r.el, label: `string "${r.id}"`, limit: LIMITS.shortString });
    if (r.kind === "LongStrings") out.push({ el: r.el, label: `string "${r.id}"`, limit: LIMITS.longString });
  }
  return out;
}

function checkStrings(root: XmlElement, resources: Map<string, Resource>, report: Report): void {
  const checkLength = (el: XmlElement, label: string, value: string, limit: number) => {
    if (value.trim() === "") report.error(el, `${label} is empty`);
    else if (length(value) > limit) report.error(el, `${label} is ${length(value)} characters, longer than ${limit}`);
  };

  const provider = child(root, "ProviderName");
  if (provider) checkLength(provider, "<ProviderName>", provider.text.trim(), LIMITS.shortString);

  for (const { el, label, limit } of localisedStrings(root, resources)) {
    checkLength(el, label, el.attrs.DefaultValue ?? "", limit);
    for (const o of childrenNamed(el, "Override")) {
      checkLength(o, `${label} (${o.attrs.Locale ?? "?"})`, o.attrs.Value ?? "", limit);
    }
  }

  for (const el of walk(root)) {
    if ((el.local === "Group" || el.local === "Control") && el.attrs.id !== undefined) {
      const id = el.attrs.id;
      if (id === "") report.error(el, `<${el.local}> has an empty id`);
      else if (length(id) > LIMITS.controlId) report.error(el, `<${el.local}> id "${id}" is ${length(id)} characters, longer than ${LIMITS.controlId}`);
    }
    if (el.local === "TaskpaneId" && length(el.text.trim()) > LIMITS.shortString) {
      report.error(el, `<TaskpaneId> is longer than ${LIMITS.shortString} characters`);
    }
  }
}

function checkLocales(root: XmlElement, resources: Map<string, Resource>, defaultLocale: string, requiredLocales: readonly string[], report: Report): void {
  const strings = localisedStrings(root, resources);
  // A locale used anywhere must be complete everywhere, or that language shows a mixed ribbon.
  const locales = new Set(requiredLocales);
  for (const { el } of strings) for (const o of childrenNamed(el, "Override")) if (o.attrs.Locale) locales.add(o.attrs.Locale);
  locales.delete(defaultLocale);

  for (const { el, label } of strings) {
    const seen = new Set<string>();
    for (const o of childrenNamed(el, "Override")) {
      const locale = o.attrs.Locale ?? "";
      if (!LOCALE.test(locale)) report.error(o, `${label} has an override with locale "${locale}", not a culture name`);
      if (locale === defaultLocale) report.warn(o, `${label} overrides the default locale ${defaultLocale}`);
      if (seen.has(locale)) report.error(o, `${label} has two ${locale} overrides`);
      if (o.attrs.Value === undefined) report.error(o, `${label} has a ${locale} override without a Value`);
      seen.add(locale);
    }
    for (const locale of locales) {
      if (!seen.has(locale)) report.error(el, `${label} has no ${locale} override`);
    }
  }
}

/** Every URL-valued setting: element, what to call it, the URL. */
function urls(root: XmlElement, resources: Map<string, Resource>): { el: XmlElement; label: string; url: string }[] {
  const out: { el: XmlElement; label: string; url: string }[] = [];
  const withOverrides = (el: XmlElement | undefined, label: string) => {
    if (!el) return;
    if (el.attrs.DefaultValue !== undefined) out.push({ el, label, url: el.attrs.DefaultValue });
    for (const o of childrenNamed(el, "Override")) out.push({ el: o, label: `${label} (${o.attrs.Locale ?? "?"})`, url: o.attrs.Value ?? "" });
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) withOverrides(child(root, name), `<${name}>`);
  withOverrides(child(child(root, "DefaultSettings"), "SourceLocation"), "<SourceLocation>");
  for (const d of childrenNamed(child(root, "AppDomains"), "AppDomain")) out.push({ el: d, label: "<AppDomain>", url: d.text.trim() });
  for (const r of resources.values()) {
    if (r.kind === "Images" || r.kind === "Urls") withOverrides(r.el, `resource "${r.id}"`);
  }
  return out;
}

function checkUrls(root: XmlElement, resources: Map<string, Resource>, report: Report): void {
  for (const { el, label, url } of urls(root, resources)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      report.error(el, `${label} "${url}" is not a URL`);
      continue;
    }
    if (parsed.protocol !== "https:") report.error(el, `${label} "${url}" must use https`);
    if (length(url) > LIMITS.url) report.error(el, `${label} is longer than ${LIMITS.url} characters`);
  }
}

/** Path under the assets folder that an icon URL stands for, or undefined if it would escape it. */
export function assetPathFor(url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    return undefined;
  }
  const at = path.lastIndexOf("/assets/");
  const rel = at >= 0 ? path.slice(at + "/assets/".length) : path.slice(path.lastIndexOf("/") + 1);
  const clean = normalize(rel);
  if (clean === "" || clean === "." || clean.startsWith("..") || clean.split(sep).includes("..")) return undefined;
  return clean;
}

/** Width and height from a PNG's IHDR, or undefined if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== "IHDR") return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function checkIcons(root: XmlElement, resources: Map<string, Resource>, assetsDir: string, report: Report): void {
  // Expected pixel sizes: fixed for the add-in icons, from <bt:Image size> for ribbon images.
  const icons: { el: XmlElement; label: string; url: string; sizes: Set<number> }[] = [];
  const add = (el: XmlElement | undefined, label: string, sizes: Set<number>) => {
    if (!el) return;
    if (el.attrs.DefaultValue !== undefined) icons.push({ el, label, url: el.attrs.DefaultValue, sizes });
    for (const o of childrenNamed(el, "Override")) icons.push({ el: o, label, url: o.attrs.Value ?? "", sizes });
  };
  add(child(root, "IconUrl"), "<IconUrl>", new Set([32]));
  add(child(root, "HighResolutionIconUrl"), "<HighResolutionIconUrl>", new Set([64]));

  const sizesByImage = new Map<string, Set<number>>();
  for (const el of walk(root)) {
    if (el.local !== "Image" || el.attrs.resid === undefined) continue;
    const size = Number(el.attrs.size);
    if (![16, 20, 24, 32, 40, 48, 64, 80].includes(size)) {
      report.error(el, `<bt:Image size="${el.attrs.size ?? ""}"> is not an icon size Office uses (16, 20, 24, 32, 40, 48, 64, 80)`);
      continue;
    }
    const sizes = sizesByImage.get(el.attrs.resid) ?? new Set<number>();
    sizes.add(size);
    sizesByImage.set(el.attrs.resid, sizes);
  }
  for (const r of resources.values()) {
    if (r.kind === "Images") add(r.el, `image "${r.id}"`, sizesByImage.get(r.id) ?? new Set());
  }

  for (const { el, label, url, sizes } of icons) {
    const rel = assetPathFor(url);
    if (rel === undefined) {
      report.error(el, `${label} "${url}" does not name a file under assets/`);
      continue;
    }
    const file = join(assetsDir, rel);
    if (!existsSync(file)) {
      report.error(el, `${label}: icon file assets/${rel.split(sep).join("/")} not found (looked for ${file})`);
      continue;
    }
    const size = pngSize(readFileSync(file));
    if (!size) {
      report.error(el, `${label}: assets/${rel} is not a PNG file`);
      continue;
    }
    if (sizes.size > 1) {
      report.warn(el, `${label} is used at several sizes (${[...sizes].join(", ")}); Office scales it`);
    } else {
      for (const s of sizes) {
        if (size.width !== s || size.height !== s) {
          report.error(el, `${label}: assets/${rel} is ${size.width}×${size.height}, expected ${s}×${s}`);
        }
      }
    }
  }
}

function checkCommands(root: XmlElement, report: Report): void {
  const ids = new Map<string, XmlElement>();
  for (const el of walk(root)) {
    if ((el.local === "Group" || el.local === "Control") && el.attrs.id) {
      const first = ids.get(el.attrs.id);
      if (first) report.error(el, `id "${el.attrs.id}" is used twice (first at line ${first.line})`);
      else ids.set(el.attrs.id, el);
    }
    if (el.local === "OfficeTab" && !OFFICE_TABS.includes(el.attrs.id ?? "")) {
      report.error(el, `<OfficeTab id="${el.attrs.id ?? ""}"> is not an Excel tab (${OFFICE_TABS.join(", ")})`);
    }
    if (el.local === "FunctionName") {
      const name = el.text.trim();
      if (!JS_IDENTIFIER.test(name)) report.error(el, `<FunctionName> "${name}" is not a JavaScript function name`);
      else if (length(name) > LIMITS.longString) report.error(el, `<FunctionName> is longer than ${LIMITS.longString} characters`);
    }
  }
  const hasExecuteFunction = [...walk(root)].some((el) => el.local === "Action" && el.xsiType === "ExecuteFunction");
  const formFactors = [...walk(root)].filter((el) => el.local === "DesktopFormFactor");
  if (hasExecuteFunction && formFactors.some((f) => !child(f, "FunctionFile"))) {
    report.error(formFactors[0], `an ExecuteFunction button needs a <FunctionFile> in <DesktopFormFactor>`);
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

export function main(argv: readonly string[]): number {
  const args = [...argv];
  const option = (name: string): string | undefined | null => {
    const at = args.indexOf(name);
    if (at < 0) return undefined;
    const value = args[at + 1];
    args.splice(at, 2);
    return value ?? null;
  };
  const assetsDir = option("--assets");
  const sourcesOption = option("--sources");
  if (assetsDir === null || sourcesOption === null) {
    console.error("usage: validate-manifest [manifest.xml] [--assets <dir>] [--sources <src dir>]");
    return 2;
  }
  const file = args[0] ?? "manifest.xml";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    console.error(`${file}: cannot read (${(e as Error).message})`);
    return 2;
  }
  // The sources beside the manifest, or here (dist/manifest.xml is checked from the project root).
  const sourcesDir = sourcesOption ?? [join(dirname(file), "src"), "src"].find((d) => existsSync(join(d, "excel")));
  if (!sourcesDir) console.error(`${file}: warning: no src/ found; the ExcelApi floor was not checked against the code (--sources <dir>)`);
  const result = validateManifest(text, { assetsDir: resolve(assetsDir ?? join(dirname(file), "assets")), sourcesDir });
  for (const w of result.warnings) console.error(`${file}: warning: ${w}`);
  if (result.errors.length > 0) {
    for (const e of result.errors) console.error(`${file}: error: ${e}`);
    console.error(`${file}: ${result.errors.length} error(s)`);
    return 1;
  }
  console.log(`${file}: OK`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

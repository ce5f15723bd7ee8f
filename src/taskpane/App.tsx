/**
 * The task pane: what the workbook holds, the build button with its steps, the issues by sheet
 * (each selects its cell), the text-number fix, and a vi/en switch. Every workbook access goes
 * through the BlocHost it is given.
 */
import {
  Button,
  Divider,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { isLang, type Lang } from "../core/i18n/format";
import { uiTexts, type BuildStep, type UiTexts } from "../core/i18n/ui";
import type { Issue } from "../core/issues";
import type { DocumentModel } from "../core/document";
import { OUTPUT_SHEETS } from "../core/i18n/labels";
import type { TemplateOptions, TemplateUnit } from "../core/template/build";
import { fixableCells, type Added, type BlocHost, type Checked, type Outcome } from "../excel/session";
import { legacyTextCells } from "../excel/fixLegacyText";
import type { IntakeHost } from "../excel/intake";
import { ImportPanel } from "./components/ImportPanel";
import { AwardsPanel } from "./components/AwardsPanel";
import { BlocWorkbook } from "./components/BlocWorkbook";
import { BuildProgress } from "./components/BuildProgress";
import { Documents, type DocumentKind } from "./components/Documents";
import FixDialog from "./components/FixDialog";
import { IssueList } from "./components/IssueList";
import { WorkbookInfo } from "./components/WorkbookInfo";
import { saveBlob, type SaveFile } from "./download";


const useStyles = makeStyles({
  root: { minHeight: "100vh", boxSizing: "border-box" },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "640px",
    margin: "0 auto",
  },
  top: { display: "flex", flexWrap: "wrap", alignItems: "center", justifyContent: "space-between", rowGap: tokens.spacingVerticalXS, columnGap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  langGroup: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0 },
  sectionHead: { display: "flex", alignItems: "baseline", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  build: { flexGrow: 1 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Busy = null | "checking" | "building" | "selecting" | "fixing" | "templating";
/** A message in whatever language the pane shows now (host error texts keep the language they came in). */
type Notice = { intent: "success" | "warning" | "error"; failed?: boolean; text: (t: UiTexts) => string };

/** The .docx writer, loaded on first use: it is a third of the pane's weight and most opens never need it. */
const loadDocxWriter = () => import(/* webpackChunkName: "docx" */ "../docx/blob");

export interface AppProps {
  host: BlocHost;
  initialLang: Lang;
  dark?: boolean;
  /** Minutes east of UTC for times shown (tests pin it). */
  utcOffsetMinutes?: number;
  /** How a .docx is saved (an object URL and <a download> unless a test says otherwise); throws where the host cannot download. */
  saveFile?: SaveFile;
  /** "Nhập báo cáo đơn vị": shown when the host can import units' files. */
  intake?: IntakeHost;
}

export function App({ host, initialLang, dark = false, utcOffsetMinutes, saveFile = saveBlob, intake }: AppProps) {
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme}>
      <Pane host={host} initialLang={initialLang} utcOffsetMinutes={utcOffsetMinutes ?? -new Date().getTimezoneOffset()} saveFile={saveFile} intake={intake} />
    </FluentProvider>
  );
}

const failure = (message: string): Notice => ({ intent: "error", failed: true, text: () => message });

function Pane({ host, initialLang, utcOffsetMinutes, saveFile, intake }: { host: BlocHost; initialLang: Lang; utcOffsetMinutes: number; saveFile: SaveFile; intake?: IntakeHost }) {
  const s = useStyles();
  const [lang, setLang] = useState<Lang>(initialLang);
  const texts = uiTexts(lang);
  const [busy, setBusy] = useState<Busy>("checking");
  const [checked, setChecked] = useState<Checked | null>(null);
  const [lastBuild, setLastBuild] = useState<Checked | null>(null);
  const [step, setStep] = useState<BuildStep | null>(null);
  const [progressShown, setProgressShown] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [fixOpen, setFixOpen] = useState(false);
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    let live = true;
    host.check(langRef.current).then((out) => {
      if (!live) return;
      if (out.ok) setChecked(out.value);
      else setNotice(failure(out.message));
      setBusy(null);
    });
    return () => {
      live = false;
    };
  }, [host]);

  const fixes = useMemo(() => (checked ? fixableCells(checked.result.issues) : []), [checked]);
  // Legacy (TCVN3/VNI) text to Unicode: the same confirm-then-write pattern as the text numbers.
  const [legacyOpen, setLegacyOpen] = useState(false);
  const textFixes = useMemo(() => (checked ? legacyTextCells(checked.result.issues) : []), [checked]);
  const applyTextFixes = useCallback(async () => {
    setBusy("fixing");
    const out = await host.fixText(textFixes, lang);
    setBusy(null);
    setLegacyOpen(false);
    if (!out.ok) {
      setNotice(failure(out.message));
      return;
    }
    setChecked(out.value);
    const n = textFixes.length;
    setNotice({ intent: "success", text: (t) => t.legacyFixDone(n) });
  }, [host, textFixes, lang]);

  const build = useCallback(async () => {
    setBusy("building");
    setNotice(null);
    setProgressShown(true);
    setStep("read");
    const out = await host.build(lang, setStep);
    setStep(null);
    setBusy(null);
    if (!out.ok) {
      setProgressShown(false);
      setNotice(failure(out.message));
      return;
    }
    setChecked(out.value);
    setLastBuild(out.value);
    const { errors } = out.value.result;
    const sheet = out.value.activated;
    setNotice(errors ? { intent: "warning", text: (t) => t.builtWithErrors(errors, sheet) } : { intent: "success", text: (t) => t.builtOk(sheet) });
  }, [host, lang]);

  const recheck = useCallback(async () => {
    setBusy("checking");
    setNotice(null);
    const out = await host.check(lang);
    setBusy(null);
    if (out.ok) setChecked(out.value);
    else setNotice(failure(out.message));
  }, [host, lang]);

  const select = useCallback(
    async (i: Issue) => {
      setBusy("selecting");
      const out = await host.select(i.sheet, i.cell, lang);
      setBusy(null);
      if (!out.ok) setNotice(failure(out.message));
    },
    [host, lang],
  );

  const applyFixes = useCallback(async () => {
    setBusy("fixing");
    const out = await host.fix(fixes, lang);
    setBusy(null);
    setFixOpen(false);
    if (!out.ok) {
      setNotice(failure(out.message));
      return;
    }
    setChecked(out.value);
    setProgressShown(false);
    const n = fixes.length;
    setNotice({ intent: "success", text: (t) => t.fixDone(n) });
  }, [host, fixes, lang]);

  const download = useCallback(
    async (kind: DocumentKind, model: DocumentModel) => {
      const r = checked?.result;
      const year = r?.figures?.year ?? r?.config.year ?? new Date().getFullYear();
      setNotice(null);
      let blob: Blob;
      try {
        blob = await (await loadDocxWriter()).docxBlob(model);
      } catch (e) {
        setNotice(failure(e instanceof Error ? e.message : String(e)));
        return;
      }
      const file = uiTexts(lang).fileName[kind](year);
      try {
        await saveFile(blob, file);
        setNotice({ intent: "success", text: (t) => t.downloaded(file) });
      } catch {
        // Whatever the reason (iPad, some Mac versions, a sandbox), the build wrote the document sheet.
        const sheet = r?.plan.sheets.find((p) => p.kind === "submission")?.name ?? OUTPUT_SHEETS.submission(year);
        setNotice({ intent: "warning", text: (t) => t.downloadBlocked(sheet) });
      }
    },
    [checked, lang, saveFile],
  );

  const templateDone = useCallback((out: Outcome<Added>, done: (added: string[]) => (t: UiTexts) => string): boolean => {
    setBusy(null);
    if (!out.ok) {
      setNotice(failure(out.message));
      return false;
    }
    setChecked(out.value);
    setProgressShown(false);
    setNotice({ intent: "success", text: done(out.value.added) });
    return true;
  }, []);

  const createWorkbook = useCallback(
    async (options: TemplateOptions) => {
      setBusy("templating");
      setNotice(null);
      return templateDone(await host.createWorkbook(options, lang), (added) => (t) => t.created(added.length));
    },
    [host, lang, templateDone],
  );

  const addUnit = useCallback(
    async (unit: TemplateUnit) => {
      setBusy("templating");
      setNotice(null);
      return templateDone(await host.addUnit(unit, lang), (added) => (t) => t.added(added[0] ?? unit.code));
    },
    [host, lang, templateDone],
  );

  const result = checked?.result ?? null;
  const working = busy !== null && busy !== "selecting";

  return (
    <div className={s.root} lang={lang}>
      <main className={s.main} aria-busy={working}>
        <div className={s.top}>
          <h1 className={s.title}>{texts.appTitle}</h1>
          <RadioGroup
            layout="horizontal"
            value={lang}
            aria-label={texts.language}
            className={s.langGroup}
            onChange={(_, d) => isLang(d.value) && setLang(d.value)}
          >
            <Radio value="vi" label={texts.langVi} />
            <Radio value="en" label={texts.langEn} />
          </RadioGroup>
        </div>

        <section className={s.section} aria-labelledby="wb-head">
          <h2 className={s.h2} id="wb-head">
            {texts.workbook}
          </h2>
          {result ? (
            <WorkbookInfo result={result} lang={lang} texts={texts} builtNow={lastBuild && checked === lastBuild ? lastBuild.at : null} utcOffsetMinutes={utcOffsetMinutes} />
          ) : busy === "checking" ? (
            <Spinner size="tiny" labelPosition="after" label={texts.reading} />
          ) : null}
        </section>

        <div className={s.actions}>
          <Button appearance="primary" size="large" className={s.build} disabled={busy !== null} onClick={build}>
            {busy === "building" ? texts.building : texts.build}
          </Button>
          <Button appearance="secondary" size="large" disabled={busy !== null} onClick={recheck}>
            {texts.recheck}
          </Button>
        </div>

        {progressShown && <BuildProgress texts={texts} step={step} finished={busy !== "building"} />}

        <div aria-live="polite">
          {notice && (
            <MessageBar intent={notice.intent} layout="multiline">
              <MessageBarBody>
                {notice.failed && <MessageBarTitle>{texts.failed}</MessageBarTitle>}
                {notice.text(texts)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" appearance="transparent" onClick={() => setNotice(null)}>
                  {texts.dismiss}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
        </div>

        {result && (
          <>
            <Divider />
            <section className={s.section} aria-labelledby="issues-head">
              <div className={s.sectionHead}>
                <h2 className={s.h2} id="issues-head">
                  {texts.issues}
                </h2>
                <Text className={s.muted} data-testid="counts">
                  {texts.counts(result.errors, result.warnings)}
                </Text>
              </div>
              {fixes.length > 0 && (
                <Button appearance="secondary" disabled={busy !== null} onClick={() => setFixOpen(true)}>
                  {texts.fixCount(fixes.length)}
                </Button>
              )}
              {textFixes.length > 0 && (
                <Button appearance="secondary" disabled={busy !== null} onClick={() => setLegacyOpen(true)}>
                  {texts.legacyFixCount(textFixes.length)}
                </Button>
              )}
              <IssueList key={checked?.at} issues={result.issues} catalog={result.catalog} lang={lang} texts={texts} disabled={working} onSelect={select} />
            </section>
            <Divider />
            <section className={s.section} aria-labelledby="awards-head" data-testid="awards">
              <h2 className={s.h2} id="awards-head">
                {texts.awards}
              </h2>
              <AwardsPanel awards={result.awards} roster={result.roster} lang={lang} texts={texts} />
            </section>
            <section className={s.section} aria-labelledby="docs-head">
              <h2 className={s.h2} id="docs-head">
                {texts.documents}
              </h2>
              <Documents result={result} texts={texts} disabled={working} onDownload={download} />
            </section>
          </>
        )}

        <Divider />
        <BlocWorkbook
          lang={lang}
          texts={texts}
          disabled={busy !== null}
          defaultYear={result?.figures?.year ?? result?.config.year ?? new Date().getFullYear()}
          onCreate={createWorkbook}
          onAddUnit={addUnit}
        />
        {intake && (
          <>
            <Divider />
            <ImportPanel host={intake} lang={lang} disabled={busy !== null} onImported={recheck} />
          </>
        )}
      </main>
      {legacyOpen && <FixDialog open={legacyOpen} fixes={textFixes} lang={lang} texts={texts} busy={busy === "fixing"} onConfirm={applyTextFixes} onCancel={() => setLegacyOpen(false)} />}
      {fixOpen && <FixDialog open={fixOpen} fixes={fixes} lang={lang} texts={texts} busy={busy === "fixing"} onConfirm={applyFixes} onCancel={() => setFixOpen(false)} />}
    </div>
  );
}

const useOutsideStyles = makeStyles({ root: { minHeight: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalL } });

/** What the pane says when it is opened outside Excel (a browser, another Office app). */
export function OutsideExcel({ lang, dark = false }: { lang: Lang; dark?: boolean }) {
  const s = useOutsideStyles();
  return (
    <FluentProvider theme={dark ? webDarkTheme : webLightTheme} className={s.root} lang={lang}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{uiTexts(lang).outsideExcel}</MessageBarBody>
      </MessageBar>
    </FluentProvider>
  );
}

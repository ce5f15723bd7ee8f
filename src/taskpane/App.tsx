/**
 * The task pane: what the workbook holds, the build button with its steps, the issues by sheet
 * (each selects its cell), the text-number fix, awards, documents, the bloc workbook forms and a
 * vi/en switch. State lives in one reducer (paneState.ts), tasks in usePane; every workbook access
 * goes through the BlocHost it is given. A panel is a component fed from the pane's state.
 */
import { Divider, FluentProvider, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, makeStyles, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useMemo } from "react";
import { isLang, type Lang } from "../core/i18n/format";
import { uiTexts } from "../core/i18n/ui";
import type { IntakeHost } from "../excel/intake";
import type { BlocHost } from "../excel/session";
import { AwardsPanel } from "./components/AwardsPanel";
import { BlocWorkbook } from "./components/BlocWorkbook";
import { BuildActions } from "./components/BuildActions";
import { Documents } from "./components/Documents";
import FixDialog from "./components/FixDialog";
import { ImportPanel } from "./components/ImportPanel";
import { IssuesPanel } from "./components/IssuesPanel";
import { NoticeBar } from "./components/NoticeBar";
import { ReviewPanel } from "./components/ReviewPanel";
import { Section } from "./components/Section";
import { WorkbookInfo } from "./components/WorkbookInfo";
import { saveBlob, type SaveFile } from "./download";
import { isWorking } from "./paneState";
import { usePane } from "./usePane";

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
});

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

function Pane({ host, initialLang, utcOffsetMinutes, saveFile, intake }: { host: BlocHost; initialLang: Lang; utcOffsetMinutes: number; saveFile: SaveFile; intake?: IntakeHost }) {
  const s = useStyles();
  const { state, texts, fixes, textFixes, actions } = usePane(host, initialLang, saveFile);
  const { lang, busy, checked } = state;
  const result = checked?.result ?? null;
  const working = isWorking(state);
  const annotationMode = useMemo(() => host.annotationMode(), [host]);

  return (
    <div className={s.root} lang={lang}>
      <main className={s.main} aria-busy={working}>
        <div className={s.top}>
          <h1 className={s.title}>{texts.appTitle}</h1>
          <RadioGroup layout="horizontal" value={lang} aria-label={texts.language} className={s.langGroup} onChange={(_, d) => isLang(d.value) && actions.setLang(d.value)}>
            <Radio value="vi" label={texts.langVi} />
            <Radio value="en" label={texts.langEn} />
          </RadioGroup>
        </div>

        <Section id="wb-head" title={texts.workbook}>
          {result ? (
            <WorkbookInfo result={result} lang={lang} texts={texts} builtNow={state.builtAt} utcOffsetMinutes={utcOffsetMinutes} />
          ) : busy === "check" ? (
            <Spinner size="tiny" labelPosition="after" label={texts.reading} />
          ) : null}
        </Section>

        <BuildActions state={state} texts={texts} onBuild={actions.build} onRecheck={actions.recheck} />

        <NoticeBar notice={state.notice} texts={texts} onDismiss={actions.dismiss} />

        {result && checked && (
          <>
            <Divider />
            <IssuesPanel
              result={result}
              readAt={checked.at}
              fixes={fixes}
              textFixes={textFixes}
              lang={lang}
              texts={texts}
              busy={busy !== null}
              working={working}
              onSelect={actions.select}
              onFix={actions.openFix}
              onTextFix={actions.openLegacy}
            />
            <Divider />
            <Section id="review-head" title={texts.review} testId="review">
              <ReviewPanel
                result={result}
                lang={lang}
                texts={texts}
                disabled={busy !== null}
                mode={annotationMode}
                posting={busy === "annotate"}
                onSelect={(sheet, cell) => void actions.select({ sheet, cell })}
                onPost={actions.annotate}
              />
            </Section>
            <Divider />
            <Section id="awards-head" title={texts.awards} testId="awards">
              <AwardsPanel awards={result.awards} roster={result.roster} lang={lang} texts={texts} />
            </Section>
            <Section id="docs-head" title={texts.documents}>
              <Documents result={result} texts={texts} disabled={working} onDownload={actions.download} />
            </Section>
          </>
        )}

        <Divider />
        <BlocWorkbook
          lang={lang}
          texts={texts}
          disabled={busy !== null}
          defaultYear={result?.year ?? new Date().getFullYear()}
          onCreate={actions.createWorkbook}
          onAddUnit={actions.addUnit}
        />
        {intake && (
          <>
            <Divider />
            <ImportPanel host={intake} lang={lang} disabled={busy !== null} onImported={actions.recheck} />
          </>
        )}
      </main>
      {state.legacyOpen && <FixDialog open fixes={textFixes} lang={lang} texts={texts} busy={busy === "fix"} onConfirm={actions.applyTextFixes} onCancel={actions.closeLegacy} />}
      {state.fixOpen && <FixDialog open fixes={fixes} lang={lang} texts={texts} busy={busy === "fix"} onConfirm={actions.applyFixes} onCancel={actions.closeFix} />}
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

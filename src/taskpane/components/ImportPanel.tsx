/**
 * "Nhập báo cáo đơn vị" / "Import unit reports": pick the units' files, see for each what importing
 * it would do (SPEC §9.2), choose the unit of a file that names none, tick the replacements, and
 * only then write. Every workbook access goes through the IntakeHost it is given.
 */
import { Button, Checkbox, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useRef, useState } from "react";
import { importsToWrite } from "../../core/intake/decide";
import type { Lang } from "../../core/i18n/format";
import { INTAKE_TEXT, INTAKE_UI } from "../../core/i18n/intake";
import type { IntakeFile, IntakeHost, IntakePreview } from "../../excel/intake";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  h2: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  card: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  file: { overflowWrap: "anywhere" },
  line: { display: "flex", flexWrap: "wrap", alignItems: "center", columnGap: tokens.spacingHorizontalXS },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  hidden: { display: "none" },
});

export interface ImportPanelProps {
  host: IntakeHost;
  lang: Lang;
  disabled?: boolean;
  /** After sheets were written (the pane checks the workbook again). */
  onImported?: (sheets: string[]) => void;
}

async function bytesOf(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") return new Uint8Array(await file.arrayBuffer());
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error);
    r.readAsArrayBuffer(file);
  });
}

type Busy = null | "reading" | "importing";

export function ImportPanel({ host, lang, disabled = false, onImported }: ImportPanelProps) {
  const s = useStyles();
  const t = INTAKE_UI[lang];
  const T = INTAKE_TEXT[lang];
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [preview, setPreview] = useState<IntakePreview | null>(null);
  const [replace, setReplace] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState<{ intent: "success" | "error"; text: string } | null>(null);

  const pick = async (list: FileList | null) => {
    if (!list || !list.length) return;
    setBusy("reading");
    setNotice(null);
    const files: IntakeFile[] = [];
    for (const f of Array.from(list)) files.push({ name: f.name, bytes: await bytesOf(f) });
    const out = await host.preview(files, lang);
    setBusy(null);
    if (input.current) input.current.value = "";
    if (!out.ok) {
      setNotice({ intent: "error", text: out.message });
      return;
    }
    setPreview(out.value);
    setReplace(new Set());
  };

  const toWrite = preview ? preview.rows.filter((r) => importsToWrite([r.decision], replace.has(r.decision.file)).length) : [];

  const confirm = async () => {
    if (!preview) return;
    setBusy("importing");
    const out = await host.apply(preview, replace, lang);
    setBusy(null);
    if (!out.ok) {
      setNotice({ intent: "error", text: out.message });
      return;
    }
    setPreview(null);
    setNotice({ intent: "success", text: t.done(out.value.imported) });
    onImported?.(out.value.imported);
  };

  return (
    <section className={s.root} aria-labelledby="import-title">
      <h2 id="import-title" className={s.h2}>
        {t.title}
      </h2>
      <Text className={s.muted}>{t.intro}</Text>
      <input ref={input} className={s.hidden} type="file" multiple accept=".xlsx,.xlsm" data-testid="import-files" onChange={(e) => void pick(e.target.files)} />
      <div className={s.actions}>
        <Button onClick={() => input.current?.click()} disabled={disabled || busy !== null} icon={busy === "reading" ? <Spinner size="tiny" /> : undefined}>
          {busy === "reading" ? t.reading : t.pick}
        </Button>
      </div>
      {notice && (
        <MessageBar intent={notice.intent} layout="multiline">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {preview && (
        <>
          {/* One card per file rather than a table: a 350-pixel pane has no room for five columns. */}
          <ul className={s.list} aria-label={t.title}>
            {preview.rows.map(({ decision: d }) => (
              <li key={d.file} className={s.card} data-import-row={d.file}>
                <Text weight="semibold" className={s.file}>
                  {d.file}
                </Text>
                {d.action.kind === "unreadable" && !d.unit && !d.sheet ? (
                  // Nothing was found in the file: only why.
                  <Text>{T.action(d.action)}</Text>
                ) : (
                  <>
                    <div className={s.line}>
                      <Text className={s.muted}>{t.unit}:</Text>
                      {d.action.kind === "unknownUnit" || d.by === "chosen" ? (
                        <Select
                          aria-label={`${t.chooseUnit}: ${d.file}`}
                          value={d.by === "chosen" ? d.unit?.code : ""}
                          onChange={(_, data) => data.value && setPreview(host.choose(preview, d.file, data.value))}
                        >
                          <option value="">{t.choosePlaceholder}</option>
                          {preview.roster.map((u) => (
                            <option key={u.code} value={u.code}>{`${u.code} — ${u.name}`}</option>
                          ))}
                        </Select>
                      ) : (
                        <Text>{d.unit ? `${d.unit.code} — ${d.unit.name}` : "—"}</Text>
                      )}
                    </div>
                    <div className={s.line}>
                      <Text className={s.muted}>{t.sheet}:</Text>
                      <Text>{d.sheet ?? "—"}</Text>
                      <Text className={s.muted}>{t.years}:</Text>
                      <Text>{d.years.join(", ") || "—"}</Text>
                    </div>
                    <div className={s.line}>
                      <Text className={s.muted}>{t.action}:</Text>
                      {d.action.kind === "replaces" ? (
                        <Checkbox
                          label={T.action(d.action)}
                          checked={replace.has(d.file)}
                          onChange={(_, data) => {
                            const next = new Set(replace);
                            if (data.checked) next.add(d.file);
                            else next.delete(d.file);
                            setReplace(next);
                          }}
                        />
                      ) : (
                        <Text>{T.action(d.action)}</Text>
                      )}
                    </div>
                  </>
                )}
              </li>
            ))}
          </ul>
          <div className={s.actions}>
            <Button
              appearance="primary"
              onClick={() => void confirm()}
              disabled={disabled || busy !== null || !toWrite.length}
              icon={busy === "importing" ? <Spinner size="tiny" /> : undefined}
            >
              {busy === "importing" ? t.importing : t.confirm(toWrite.length)}
            </Button>
            <Button onClick={() => setPreview(null)} disabled={busy !== null}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

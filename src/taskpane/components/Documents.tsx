/**
 * "Tải tờ trình (.docx)" and "Tải biên bản (.docx)" (for another period: "Tải báo cáo sơ kết"): the engine's document models written as Word
 * files in the browser. The docx writer is loaded only when asked for, so the pane starts light.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DocumentModel } from "../../core/document";
import type { UiTexts } from "../../core/i18n/ui";
import type { BuildResult } from "../../core/pipeline";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type DocumentKind = "submission" | "minutes";

export interface DocumentsProps {
  result: BuildResult;
  texts: UiTexts;
  disabled: boolean;
  /** Writes the model as a .docx and saves it; resolves when done, rejects with what went wrong. */
  onDownload(kind: DocumentKind, model: DocumentModel): Promise<void>;
}

export function Documents({ result, texts, disabled, onDownload }: DocumentsProps) {
  const s = useStyles();
  const [working, setWorking] = useState<DocumentKind | null>(null);
  const all: { kind: DocumentKind; model: DocumentModel | null; label: string }[] = [
    // For a period other than the year the document is the bloc's report of results, not a tờ trình.
    { kind: "submission", model: result.submission, label: result.period === "year" ? texts.downloadSubmission : texts.downloadReport(result.period) },
    { kind: "minutes", model: result.minutes, label: texts.downloadMinutes },
  ];
  // The minutes are of the year-end award meeting: no button for another period.
  const docs = all.filter((d) => d.kind !== "minutes" || result.period === "year");
  const go = async (kind: DocumentKind, model: DocumentModel) => {
    setWorking(kind);
    try {
      await onDownload(kind, model);
    } finally {
      setWorking(null);
    }
  };
  return (
    <div className={s.root}>
      <div className={s.actions}>
        {docs.map(({ kind, model, label }) => (
          <Button
            key={kind}
            appearance={kind === "submission" ? "primary" : "secondary"}
            disabled={disabled || working !== null || !model}
            onClick={() => model && go(kind, model)}
          >
            {working === kind ? texts.preparing : label}
          </Button>
        ))}
      </div>
      {!result.submission && <Text className={s.muted}>{result.period === "year" ? texts.documentsNeedClean : texts.reportNeedsClean}</Text>}
    </div>
  );
}

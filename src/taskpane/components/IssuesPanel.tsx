/** "Lỗi và cảnh báo": the counts, the one-click fixes (text numbers, legacy text; when any cell offers one) and the issues by sheet. */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import type { Issue } from "../../core/issues";
import type { BuildResult } from "../../core/pipeline";
import type { TextFixTarget } from "../../excel/fixLegacyText";
import type { CellFix } from "../../excel/session";
import { IssueList } from "./IssueList";
import { Section } from "./Section";

const useStyles = makeStyles({ muted: { color: tokens.colorNeutralForeground3 } });

export interface IssuesPanelProps {
  result: BuildResult;
  /** Identifies the reading the issues come from: a new one resets the list's open groups. */
  readAt: string;
  fixes: readonly CellFix[];
  textFixes: readonly TextFixTarget[];
  lang: Lang;
  texts: UiTexts;
  /** No fix while anything runs. */
  busy: boolean;
  /** No selecting while the workbook is being read or written. */
  working: boolean;
  onSelect(issue: Issue): void;
  onFix(): void;
  onTextFix(): void;
}

export function IssuesPanel({ result, readAt, fixes, textFixes, lang, texts, busy, working, onSelect, onFix, onTextFix }: IssuesPanelProps) {
  const s = useStyles();
  return (
    <Section
      id="issues-head"
      title={texts.issues}
      aside={
        <Text className={s.muted} data-testid="counts">
          {texts.counts(result.errors, result.warnings)}
        </Text>
      }
    >
      {fixes.length > 0 && (
        <Button appearance="secondary" disabled={busy} onClick={onFix}>
          {texts.fixCount(fixes.length)}
        </Button>
      )}
      {textFixes.length > 0 && (
        <Button appearance="secondary" disabled={busy} onClick={onTextFix}>
          {texts.legacyFixCount(textFixes.length)}
        </Button>
      )}
      <IssueList key={readAt} issues={result.issues} catalog={result.catalog} lang={lang} texts={texts} disabled={working} onSelect={onSelect} />
    </Section>
  );
}

/**
 * "Cùng rà soát" / "Review together": which units confirmed their figures, the figures changed since
 * the last build (each selects its cell), and the button that posts the errors as comments.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatNumber, type Lang } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import type { BuildResult } from "../../core/pipeline";
import { confirmationSummary } from "../../core/read/confirmation";
import type { AnnotationMode } from "../../excel/comments";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: { width: "100%", justifyContent: "flex-start", textAlign: "start", fontWeight: tokens.fontWeightRegular, columnGap: tokens.spacingHorizontalS },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "40px", flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface ReviewPanelProps {
  result: BuildResult;
  lang: Lang;
  texts: UiTexts;
  disabled?: boolean;
  mode: AnnotationMode;
  posting: boolean;
  onSelect: (sheet: string, cell: string) => void;
  onPost: () => void;
}

export function ReviewPanel({ result, lang, texts, disabled, mode, posting, onSelect, onPost }: ReviewPanelProps) {
  const s = useStyles();
  const c = confirmationSummary(result.roster);
  const num = (v: number | null) => (v === null ? texts.changeNone : formatNumber(v, lang, { maxDecimals: 3 }));
  const hasErrors = result.errors > 0;
  return (
    <>
      <div className={s.block} data-testid="confirmation">
        {c.tracked ? (
          <>
            <Text weight="semibold">{texts.confirmedCount(c.confirmed, c.total)}</Text>
            {c.unconfirmed.length > 0 && <Text className={s.warn}>{texts.notConfirmed(c.unconfirmed.map((u) => `${u.code} (${u.name})`).join(", "))}</Text>}
          </>
        ) : (
          <Text className={s.muted}>{texts.noConfirmColumn}</Text>
        )}
      </div>
      <div className={s.block} data-testid="changes">
        {result.previousBuildAt === null ? (
          <Text className={s.muted}>{texts.firstBuild}</Text>
        ) : result.changes.length === 0 ? (
          <Text>{texts.noChanges}</Text>
        ) : (
          <>
            <Text weight="semibold">{texts.changesSince(result.changes.length)}</Text>
            <ul className={s.list}>
              {result.changes.map((ch, k) => (
                <li key={`${ch.unit}-${ch.indicator}-${ch.year}-${k}`}>
                  <Button
                    appearance="subtle"
                    className={s.item}
                    disabled={disabled || !result.reports.some((r) => r.sheet === ch.sheet)}
                    title={texts.goToCell(ch.sheet, ch.cell)}
                    data-cell={ch.cell}
                    onClick={() => onSelect(ch.sheet, ch.cell)}
                  >
                    <span className={s.cell}>{ch.cell}</span>
                    <span>{texts.changeLine(ch.unit, ch.indicator, ch.year, num(ch.before), num(ch.after))}</span>
                  </Button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {mode.kind === "none" ? (
        <Text className={s.muted} data-testid="comments-unavailable">
          {texts.commentsUnavailable}
        </Text>
      ) : (
        hasErrors && (
          <Button appearance="secondary" disabled={disabled} onClick={onPost}>
            {posting ? texts.posting : mode.kind === "comments" ? texts.postComments : texts.postNotes}
          </Button>
        )
      )}
    </>
  );
}

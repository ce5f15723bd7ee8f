/**
 * The confirmation before a one-click fix writes: numbers over text numbers, or Unicode over legacy
 * (TCVN3/VNI) text — exactly which cells, what they hold, what they will hold.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatNumber, type Lang } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import type { TextFixTarget } from "../../excel/fixLegacyText";
import type { CellFix } from "../../excel/session";

const useStyles = makeStyles({
  scroll: { maxHeight: "50vh", overflowY: "auto", marginTop: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export interface FixDialogProps {
  open: boolean;
  /** Numbers over text numbers, or Unicode over legacy text. */
  fixes: readonly CellFix[] | readonly TextFixTarget[];
  lang: Lang;
  texts: UiTexts;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function FixDialog({ open, fixes, lang, texts, busy, onConfirm, onCancel }: FixDialogProps) {
  const s = useStyles();
  const text = fixes.length > 0 && typeof fixes[0].value === "string";
  const t = text
    ? { title: texts.legacyFixTitle, intro: texts.legacyFixIntro, current: texts.legacyFixCurrent, next: texts.legacyFixNew, confirm: texts.legacyFixConfirm }
    : { title: texts.fixTitle, intro: texts.fixIntro, current: texts.fixCurrent, next: texts.fixNew, confirm: texts.fixConfirm };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && !busy && onCancel()}>
      <DialogSurface aria-describedby="fix-intro">
        <DialogBody>
          <DialogTitle>{t.title}</DialogTitle>
          <DialogContent>
            <Text id="fix-intro">{t.intro(fixes.length)}</Text>
            <div className={s.scroll}>
              <Table size="small" aria-label={t.title}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{texts.fixCell}</TableHeaderCell>
                    <TableHeaderCell>{t.current}</TableHeaderCell>
                    <TableHeaderCell>{t.next}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {fixes.map((f) => (
                    <TableRow key={`${f.sheet}!${f.cell}`} data-fix={`${f.sheet}!${f.cell}`}>
                      <TableCell className={s.mono}>{`${f.sheet}!${f.cell}`}</TableCell>
                      <TableCell className={s.mono}>{`"${f.text}"`}</TableCell>
                      <TableCell className={s.mono}>{typeof f.value === "number" ? formatNumber(f.value, lang, { maxDecimals: 6 }) : `"${f.value}"`}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel} disabled={busy}>
              {texts.cancel}
            </Button>
            <Button appearance="primary" onClick={onConfirm} disabled={busy || !fixes.length} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {busy ? texts.fixing : t.confirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

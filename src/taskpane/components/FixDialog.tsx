/**
 * The confirmation before numbers are written over text: exactly which cells, what they hold, what
 * they will hold.
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
import type { CellFix } from "../../excel/session";

const useStyles = makeStyles({
  scroll: { maxHeight: "50vh", overflowY: "auto", marginTop: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

export interface FixDialogProps {
  open: boolean;
  fixes: readonly CellFix[];
  lang: Lang;
  texts: UiTexts;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export default function FixDialog({ open, fixes, lang, texts, busy, onConfirm, onCancel }: FixDialogProps) {
  const s = useStyles();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && !busy && onCancel()}>
      <DialogSurface aria-describedby="fix-intro">
        <DialogBody>
          <DialogTitle>{texts.fixTitle}</DialogTitle>
          <DialogContent>
            <Text id="fix-intro">{texts.fixIntro(fixes.length)}</Text>
            <div className={s.scroll}>
              <Table size="small" aria-label={texts.fixTitle}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{texts.fixCell}</TableHeaderCell>
                    <TableHeaderCell>{texts.fixCurrent}</TableHeaderCell>
                    <TableHeaderCell>{texts.fixNew}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {fixes.map((f) => (
                    <TableRow key={`${f.sheet}!${f.cell}`} data-fix={`${f.sheet}!${f.cell}`}>
                      <TableCell className={s.mono}>{`${f.sheet}!${f.cell}`}</TableCell>
                      <TableCell className={s.mono}>{`"${f.text}"`}</TableCell>
                      <TableCell className={s.mono}>{formatNumber(f.value, lang, { maxDecimals: 6 })}</TableCell>
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
              {busy ? texts.fixing : texts.fixConfirm}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

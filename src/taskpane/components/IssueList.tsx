/** Issues grouped by sheet, each a button that selects its cell in Excel. */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../core/i18n/format";
import { issueMessage } from "../../core/i18n/messages";
import type { UiTexts } from "../../core/i18n/ui";
import type { Issue } from "../../core/issues";
import type { Catalog } from "../../core/model";

const useStyles = makeStyles({
  header: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  sheetName: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  item: {
    width: "100%",
    justifyContent: "flex-start",
    alignItems: "flex-start",
    textAlign: "start",
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    columnGap: tokens.spacingHorizontalS,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: "40px", flexShrink: 0 },
  message: { whiteSpace: "normal", overflowWrap: "anywhere" },
  badge: { flexShrink: 0 },
});

export interface SheetGroup {
  sheet: string;
  issues: Issue[];
  errors: number;
  warnings: number;
}

/** Group issues by sheet, keeping the engine's order (workbook order, then row, then column). */
export function groupBySheet(issues: readonly Issue[]): SheetGroup[] {
  const groups = new Map<string, SheetGroup>();
  for (const i of issues) {
    let g = groups.get(i.sheet);
    if (!g) groups.set(i.sheet, (g = { sheet: i.sheet, issues: [], errors: 0, warnings: 0 }));
    g.issues.push(i);
    if (i.severity === "error") g.errors++;
    else g.warnings++;
  }
  return [...groups.values()];
}

export interface IssueListProps {
  issues: readonly Issue[];
  catalog: Catalog;
  lang: Lang;
  texts: UiTexts;
  disabled?: boolean;
  onSelect: (issue: Issue) => void;
}

export function IssueList({ issues, catalog, lang, texts, disabled, onSelect }: IssueListProps) {
  const s = useStyles();
  const groups = groupBySheet(issues);
  if (!groups.length) return <Text>{texts.noIssues}</Text>;
  return (
    <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.sheet)}>
      {groups.map((g) => (
        <AccordionItem key={g.sheet} value={g.sheet} data-sheet={g.sheet}>
          <AccordionHeader size="small">
            <span className={s.header}>
              <Text weight="semibold" className={s.sheetName}>
                {g.sheet}
              </Text>
              {g.errors > 0 && (
                <Badge color="danger" appearance="filled" size="small" aria-label={`${g.errors} ${texts.error}`}>
                  {g.errors}
                </Badge>
              )}
              {g.warnings > 0 && (
                <Badge color="warning" appearance="filled" size="small" aria-label={`${g.warnings} ${texts.warning}`}>
                  {g.warnings}
                </Badge>
              )}
            </span>
          </AccordionHeader>
          <AccordionPanel>
            <ul className={s.list}>
              {g.issues.map((i, k) => {
                const message = issueMessage(i, lang, catalog);
                return (
                  <li key={`${i.cell}-${i.code}-${k}`}>
                    <Button
                      appearance="subtle"
                      className={s.item}
                      disabled={disabled}
                      title={texts.goToCell(i.sheet, i.cell)}
                      data-cell={i.cell}
                      data-code={i.code}
                      onClick={() => onSelect(i)}
                    >
                      <Badge className={s.badge} color={i.severity === "error" ? "danger" : "warning"} appearance="tint" size="medium">
                        {i.severity === "error" ? texts.error : texts.warning}
                      </Badge>
                      <span className={s.cell}>{i.cell}</span>
                      <span className={s.message}>{message}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      ))}
    </Accordion>
  );
}

/** What the engine found in the workbook: bloc, years, units, and whether the summary is current. */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDateTime } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import type { BuildResult } from "../../core/pipeline";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "auto 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, margin: 0 },
  value: { margin: 0, minWidth: 0, overflowWrap: "anywhere" },
  units: { listStyleType: "none", margin: 0, padding: 0 },
  code: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  fresh: { color: tokens.colorPaletteGreenForeground1 },
});

/** The staleness report the engine adds to its result (when it does): read structurally. */
interface Staleness {
  stale: boolean;
  changed?: string[];
  builtAt?: string | null;
}

export function stalenessOf(result: BuildResult): Staleness | null | undefined {
  const s = (result as unknown as { stale?: unknown }).stale;
  if (s === undefined) return undefined;
  if (s === null) return null;
  if (typeof s === "boolean") return { stale: s };
  if (typeof s === "object" && typeof (s as Staleness).stale === "boolean") return s as Staleness;
  return undefined;
}

export interface WorkbookInfoProps {
  result: BuildResult;
  texts: UiTexts;
  /** ISO time of this session's last build, if any. */
  lastBuiltAt: string | null;
  utcOffsetMinutes: number;
}

export function WorkbookInfo({ result, texts, lastBuiltAt, utcOffsetMinutes }: WorkbookInfoProps) {
  const s = useStyles();
  const year = result.figures?.year ?? result.config.year;
  const compareYear = result.figures?.compareYear ?? result.config.compareYear;
  const when = (iso: string | null | undefined) => (iso && !Number.isNaN(Date.parse(iso)) ? formatDateTime(iso, utcOffsetMinutes) : texts.unknownTime);
  const staleness = stalenessOf(result);
  let status: { text: string; className?: string };
  if (staleness === undefined) status = lastBuiltAt ? { text: texts.builtAt(when(lastBuiltAt)) } : { text: texts.notBuilt };
  else if (staleness === null) status = { text: texts.noSummary };
  else if (staleness.stale) {
    const changed = staleness.changed?.length ? ` ${texts.staleSheets(staleness.changed.join(", "))}` : "";
    status = { text: texts.stale(when(staleness.builtAt)) + changed, className: s.stale };
  } else status = { text: texts.upToDate(when(staleness.builtAt)), className: s.fresh };

  return (
    <dl className={s.grid} aria-label={texts.workbook}>
      <dt className={s.term}>{texts.bloc}</dt>
      <dd className={s.value} data-testid="bloc">
        {result.config.bloc || texts.noBloc}
      </dd>
      <dt className={s.term}>{texts.year}</dt>
      <dd className={s.value} data-testid="year">
        {year ?? texts.noYear}
      </dd>
      {compareYear !== null && (
        <>
          <dt className={s.term}>{texts.compareYear}</dt>
          <dd className={s.value}>{compareYear}</dd>
        </>
      )}
      <dt className={s.term}>{texts.units(result.roster.length)}</dt>
      <dd className={s.value}>
        {result.roster.length ? (
          <ul className={s.units} data-testid="units">
            {result.roster.map((u) => (
              <li key={u.code}>
                <Text className={s.code}>{u.code}</Text>
                <Text>{u.name}</Text>
              </li>
            ))}
          </ul>
        ) : (
          texts.noUnits
        )}
      </dd>
      <dt className={s.term}>{texts.status}</dt>
      <dd className={`${s.value} ${status.className ?? ""}`} data-testid="status">
        {status.text}
      </dd>
    </dl>
  );
}

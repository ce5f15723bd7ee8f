/** What the engine found in the workbook: bloc, years, units, and whether the summary is current. */
import { capitalize, periodName, periodText } from "../../core/i18n/period";
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDateTime, type Lang } from "../../core/i18n/format";
import { staleText } from "../../core/i18n/stale";
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
  status: { whiteSpace: "pre-line" },
  units: { listStyleType: "none", margin: 0, padding: 0 },
  code: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  stale: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold },
  fresh: { color: tokens.colorPaletteGreenForeground1 },
});

export interface WorkbookInfoProps {
  result: BuildResult;
  lang: Lang;
  texts: UiTexts;
  /** ISO time of the build that produced `result`; null when it came from a check. */
  builtNow: string | null;
  utcOffsetMinutes: number;
}

export function WorkbookInfo({ result, lang, texts, builtNow, utcOffsetMinutes }: WorkbookInfoProps) {
  const s = useStyles();
  const { year, compareYear } = result;
  // The engine compares the inputs with the fingerprints on "Kiểm tra"; the command line says the same words.
  // Right after a build the summary is current by construction; the verdict read before it is not.
  const status = builtNow
    ? { text: texts.builtAt(formatDateTime(builtNow, utcOffsetMinutes)), className: s.fresh }
    : { text: staleText(result.stale, lang, utcOffsetMinutes), className: result.stale?.stale ? s.stale : result.stale ? s.fresh : undefined };

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
      {result.period !== "year" && (
        <>
          <dt className={s.term}>{texts.period}</dt>
          <dd className={s.value} data-testid="period">
            {capitalize(year !== null ? periodText(result.period, year, lang) : periodName(result.period, lang))}
          </dd>
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
      <dd className={`${s.value} ${s.status} ${status.className ?? ""}`} data-testid="status">
        {status.text}
      </dd>
    </dl>
  );
}

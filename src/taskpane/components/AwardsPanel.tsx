/**
 * The award rule's outcome (SPEC §6) as the engine decided it: the ranking, who is proposed for the
 * Emulation Flag and the Certificate of Merit, ties the bloc must resolve, and why the others are not
 * proposed. Nothing is decided here.
 */
import { Badge, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { AwardResult } from "../../core/awards/rule";
import { formatNumber, type Lang } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import type { RosterUnit } from "../../core/model";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  th: {
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground3,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
  },
  td: { verticalAlign: "top", borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}` },
  num: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  rank: { width: "3em", textAlign: "center" },
  unit: { overflowWrap: "anywhere", fontWeight: tokens.fontWeightRegular, textAlign: "start" },
  badge: { marginInlineStart: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  proposals: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  reason: { color: tokens.colorNeutralForeground3 },
});

export interface AwardsPanelProps {
  awards: AwardResult | null;
  roster: readonly RosterUnit[];
  lang: Lang;
  texts: UiTexts;
}

export function AwardsPanel({ awards, roster, lang, texts }: AwardsPanelProps) {
  const s = useStyles();
  if (!awards) {
    return (
      <Text className={s.muted} data-testid="no-scoring">
        {texts.noScoring}
      </Text>
    );
  }
  const names = new Map(roster.map((u) => [u.code, u.name || u.code]));
  const name = (code: string) => names.get(code) ?? code;
  const score = (n: number) => formatNumber(n, lang, { maxDecimals: 2 });
  const flag = new Set(awards.flag);
  const merit = new Set(awards.merit);
  const award = { flag: texts.flag, merit: texts.merit };
  // Units not proposed in ranking order (unranked ones last), as a reader scans the table above.
  const place = new Map(awards.ranking.map((r, i) => [r.code, i]));
  const skipped = [...awards.skipped].sort((a, b) => (place.get(a.code) ?? Infinity) - (place.get(b.code) ?? Infinity));

  const proposals = (kind: "flag" | "merit", codes: readonly string[]) => (
    <div>
      <h3 className={s.h3}>{award[kind]}</h3>
      {codes.length ? (
        <ul className={s.list} data-testid={kind}>
          {codes.map((c) => (
            <li key={c} data-code={c}>
              {name(c)}
            </li>
          ))}
        </ul>
      ) : (
        <Text className={s.muted} data-testid={kind}>
          {texts.noneProposed}
        </Text>
      )}
    </div>
  );

  return (
    <div className={s.root}>
      <table className={s.table} data-testid="ranking">
        <thead>
          <tr>
            <th scope="col" className={`${s.th} ${s.rank}`}>
              {texts.colRank}
            </th>
            <th scope="col" className={s.th}>
              {texts.colUnit}
            </th>
            <th scope="col" className={`${s.th} ${s.num}`}>
              {texts.colScore}
            </th>
          </tr>
        </thead>
        <tbody>
          {awards.ranking.map((r) => (
            <tr key={r.code} data-code={r.code}>
              <td className={`${s.td} ${s.rank}`}>{r.rank}</td>
              <th scope="row" className={`${s.td} ${s.unit}`}>
                {name(r.code)}
                {flag.has(r.code) && (
                  <Badge className={s.badge} size="small" color="danger" appearance="tint">
                    {texts.flag}
                  </Badge>
                )}
                {merit.has(r.code) && (
                  <Badge className={s.badge} size="small" color="brand" appearance="tint">
                    {texts.merit}
                  </Badge>
                )}
              </th>
              <td className={`${s.td} ${s.num}`}>{score(r.score)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className={s.proposals}>
        {proposals("flag", awards.flag)}
        {proposals("merit", awards.merit)}
      </div>

      {awards.ties.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="ties">
          <MessageBarBody>
            <h3 className={s.h3}>{texts.ties}</h3>
            <ul className={s.list}>
              {awards.ties.map((t, k) => (
                <li key={k}>{texts.tie(t.codes.map(name).join(", "), score(t.score), award[t.award], t.places)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}

      {skipped.length > 0 && (
        <div>
          <h3 className={s.h3}>{texts.skipped}</h3>
          <ul className={s.list} data-testid="skipped">
            {skipped.map((k) => (
              <li key={k.code} data-code={k.code} data-reason={k.reason}>
                {name(k.code)}
                <span className={s.reason}>: {texts.skipReasons[k.reason]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

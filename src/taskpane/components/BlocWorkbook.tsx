/**
 * "Sổ khối" / "Bloc workbook", collapsed under the main flow: "Tạo sổ khối" (the template's sheets
 * into the open workbook) and "Thêm sheet đơn vị". The forms check what they can before asking
 * the host (codes, year); the host refuses what only the workbook can tell (sheets that exist).
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { Lang } from "../../core/i18n/format";
import type { UiTexts } from "../../core/i18n/ui";
import { templateProblemText } from "../../core/template/problemText";
import type { TemplateOptions } from "../../core/template/build";
import type { TemplateUnit } from "../../core/template/unit";
import { checkUnits, parseUnitCodes, parseYear } from "../../core/template/options";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalS },
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, margin: 0 },
  head: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  submit: { alignSelf: "flex-start" },
});

export interface BlocWorkbookProps {
  lang: Lang;
  texts: UiTexts;
  disabled: boolean;
  /** The year the form starts with. */
  defaultYear: number;
  onCreate(options: TemplateOptions): Promise<boolean>;
  onAddUnit(unit: TemplateUnit): Promise<boolean>;
}

export function BlocWorkbook({ lang, texts, disabled, defaultYear, onCreate, onAddUnit }: BlocWorkbookProps) {
  const s = useStyles();
  const [bloc, setBloc] = useState("");
  const [year, setYear] = useState(String(defaultYear));
  const [codes, setCodes] = useState("");
  const [createErrors, setCreateErrors] = useState<{ year?: string; codes?: string }>({});
  const [unitCode, setUnitCode] = useState("");
  const [unitName, setUnitName] = useState("");
  const [unitError, setUnitError] = useState<string | undefined>();

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const y = parseYear(year);
    const units = parseUnitCodes(codes);
    const problems = checkUnits(units);
    const errors = {
      year: y === null ? templateProblemText(texts, { kind: "badYear", text: year }) : undefined,
      codes: problems.length ? problems.map((p) => templateProblemText(texts, p)).join(" ") : undefined,
    };
    setCreateErrors(errors);
    if (y === null || problems.length) return;
    await onCreate({ lang, year: y, bloc: bloc.trim() || undefined, units });
  };

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const unit: TemplateUnit = { code: unitCode.trim(), name: unitName.trim() };
    const problems = checkUnits([unit]);
    setUnitError(problems.length ? problems.map((p) => templateProblemText(texts, p)).join(" ") : undefined);
    if (problems.length) return;
    if (await onAddUnit(unit)) {
      setUnitCode("");
      setUnitName("");
    }
  };

  return (
    <Accordion collapsible>
      <AccordionItem value="bloc-workbook">
        <AccordionHeader as="h2" size="medium" data-testid="bloc-workbook">
          <span className={s.head}>{texts.blocWorkbook}</span>
        </AccordionHeader>
        <AccordionPanel className={s.panel}>
          <form className={s.form} onSubmit={create} aria-labelledby="create-head" noValidate>
            <h3 className={s.h3} id="create-head">
              {texts.createWorkbook}
            </h3>
            <Text size={200} className={s.muted}>
              {texts.createIntro}
            </Text>
            <Field label={texts.blocName}>
              <Input value={bloc} onChange={(_, d) => setBloc(d.value)} />
            </Field>
            <Field label={texts.templateYear} validationMessage={createErrors.year} validationState={createErrors.year ? "error" : "none"}>
              <Input value={year} inputMode="numeric" onChange={(_, d) => setYear(d.value)} />
            </Field>
            <Field label={texts.unitCodes} required validationMessage={createErrors.codes} validationState={createErrors.codes ? "error" : "none"}>
              <Input value={codes} placeholder="BCA, BTP, BQP" onChange={(_, d) => setCodes(d.value)} />
            </Field>
            <Button type="submit" className={s.submit} disabled={disabled}>
              {texts.createWorkbook}
            </Button>
          </form>

          <form className={s.form} onSubmit={add} aria-labelledby="add-head" noValidate>
            <h3 className={s.h3} id="add-head">
              {texts.addUnit}
            </h3>
            <Field label={texts.unitCode} required validationMessage={unitError} validationState={unitError ? "error" : "none"}>
              <Input value={unitCode} onChange={(_, d) => setUnitCode(d.value)} />
            </Field>
            <Field label={texts.unitName}>
              <Input value={unitName} onChange={(_, d) => setUnitName(d.value)} />
            </Field>
            <Button type="submit" className={s.submit} disabled={disabled}>
              {texts.addUnit}
            </Button>
          </form>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}

/** Sheet names of the outputs: fixed, so formulas and people can rely on them (SPEC §5), in either language. */
export const OUTPUT_SHEETS = {
  summary: (year: number) => `Tổng hợp ${year}`,
  check: () => "Kiểm tra",
  submission: (year: number) => `Tờ trình ${year}`,
};

/** What the add-in asks Office about its surroundings, with Office absent or faked as a global. */
import { isDarkColor, langFromLocale, officeIsDark, officeLang } from "../../src/excel/environment";

const g = globalThis as { Office?: unknown };
afterEach(() => {
  delete g.Office;
});

describe("Office's surroundings", () => {
  it("speaks Vietnamese for every vi locale and English for anything else", () => {
    expect(["vi-VN", "vi", "VI_vn", " vi-VN "].map(langFromLocale)).toEqual(["vi", "vi", "vi", "vi"]);
    expect(["en-US", "fr-FR", "vie", "", null, undefined].map(langFromLocale)).toEqual(["en", "en", "en", "en", "en", "en"]);
  });

  it("reads the display language from Office, English outside it", () => {
    expect(officeLang()).toBe("en");
    g.Office = { context: { displayLanguage: "vi-VN" } };
    expect(officeLang()).toBe("vi");
  });

  it("takes Office's dark flag, else the background colour", () => {
    expect(officeIsDark()).toBe(false);
    g.Office = { context: { officeTheme: { isDarkTheme: true, bodyBackgroundColor: "#ffffff" } } };
    expect(officeIsDark()).toBe(true);
    g.Office = { context: { officeTheme: { bodyBackgroundColor: "#262626" } } };
    expect(officeIsDark()).toBe(true);
    expect([isDarkColor("#fff"), isDarkColor("000"), isDarkColor("not a colour")]).toEqual([false, true, false]);
  });
});

/**
 * Texts of the bloc's report of results for a period other than the year (báo cáo sơ kết 6 tháng,
 * 9 tháng, báo cáo quý), Vietnamese and English. Headers, numbers and the signature block are the
 * submission's (awards.ts); only what differs is here.
 */
import type { Lang } from "./format";

export const REPORT_TEXT = {
  vi: {
    title: "BÁO CÁO",
    /** Six and nine months are a review (sơ kết); a quarter reports its results. */
    subject: (when: string, bloc: string, review: boolean) => (review ? `Sơ kết phong trào thi đua ${when} của ${bloc}` : `Kết quả công tác ${when} của ${bloc}`),
    intro: (basis: string, leader: string, bloc: string, year: number, when: string, review: boolean) =>
      `${basis ? `Thực hiện ${basis}, ` : ""}${leader}, đơn vị Khối trưởng ${bloc} năm ${year}, ${review ? "báo cáo sơ kết" : "báo cáo"} kết quả công tác và phong trào thi đua ${when} của Khối như sau:`,
    sectionResults: (when: string) => `I. KẾT QUẢ THỰC HIỆN ${when.toUpperCase()}`,
    units: (when: string, bloc: string, names: string, theme: string) =>
      `${when}, các đơn vị trong ${bloc} gồm ${names} đã bám sát${theme ? ` chủ đề thi đua “${theme}”,` : ""} các nội dung, chỉ tiêu thi đua do Thanh tra Chính phủ phát động, triển khai các mặt công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng, tiêu cực.`,
    tableIntro: "Các chỉ tiêu chủ yếu của Khối:",
    colStt: "STT",
    colIndicator: "Chỉ tiêu",
    colUnit: "ĐVT",
    colChange: "Tăng/giảm",
    noAwards: "Việc chấm điểm, bình xét và đề nghị khen thưởng được thực hiện khi tổng kết năm.",
    sectionNext: (next: string) => `II. PHƯƠNG HƯỚNG, NHIỆM VỤ ${next.toUpperCase()}`,
    next: (bloc: string, year: number) =>
      `Các đơn vị trong ${bloc} tiếp tục bám sát kế hoạch công tác và các chỉ tiêu thi đua do Thanh tra Chính phủ phát động, tập trung khắc phục tồn tại, hạn chế, phấn đấu hoàn thành xuất sắc nhiệm vụ năm ${year}.`,
    closing: (when: string, bloc: string, review: boolean) => `Trên đây là ${review ? "báo cáo sơ kết" : "báo cáo kết quả công tác"} ${when} của ${bloc}./.`,
    recipientList: ["- Hội đồng Thi đua, khen thưởng ngành Thanh tra (để báo cáo);", "- Các đơn vị trong Khối;", "- Lưu: VT."],
    /** What follows the period: "6 tháng cuối năm 2024", "quý III năm 2024", "năm 2025". */
    rest: {
      "6m": (y: number) => `6 tháng cuối năm ${y}`,
      "9m": (y: number) => `quý IV năm ${y}`,
      quarter: (q: number, y: number) => `quý ${["I", "II", "III", "IV"][q - 1]} năm ${y}`,
      year: (y: number) => `năm ${y}`,
    },
  },
  en: {
    title: "REPORT",
    subject: (when: string, bloc: string, review: boolean) => (review ? `Mid-term review of the emulation movement of ${bloc}, ${when}` : `Work results of ${bloc}, ${when}`),
    intro: (basis: string, leader: string, bloc: string, year: number, when: string, review: boolean) =>
      `${basis ? `Pursuant to ${basis}, ` : ""}${leader}, leader of ${bloc} in ${year}, reports the ${review ? "mid-term review of the " : ""}work and emulation results of the bloc for ${when} as follows:`,
    sectionResults: (when: string) => `I. RESULTS, ${when.toUpperCase()}`,
    units: (when: string, bloc: string, names: string, theme: string) =>
      `In ${when}, the units of ${bloc} — ${names} — followed${theme ? ` the emulation theme “${theme}” and` : ""} the emulation targets set by the Government Inspectorate across inspection, citizen reception, complaint and denunciation handling, and anti-corruption work.`,
    tableIntro: "The bloc's main indicators:",
    colStt: "No.",
    colIndicator: "Indicator",
    colUnit: "Unit",
    colChange: "Change",
    noAwards: "Scoring, review and award proposals take place at the year-end review.",
    sectionNext: (next: string) => `II. DIRECTIONS AND TASKS FOR ${next.toUpperCase()}`,
    next: (bloc: string, year: number) =>
      `The units of ${bloc} will keep to their work plans and the emulation targets set by the Government Inspectorate, address the shortcomings found, and strive to complete the tasks of ${year} with distinction.`,
    closing: (when: string, bloc: string, review: boolean) => `This concludes the ${review ? "mid-term review" : "report of work results"} of ${bloc} for ${when}./.`,
    recipientList: ["- The Emulation and Reward Council of the Inspection sector (for its information);", "- The units of the bloc;", "- Archive: Records."],
    rest: { "6m": (y: number) => `the second half of ${y}`, "9m": (y: number) => `Q4 ${y}`, quarter: (q: number, y: number) => `Q${q} ${y}`, year: (y: number) => String(y) },
  },
} satisfies Record<Lang, unknown>;

export type ReportText = (typeof REPORT_TEXT)["vi"];

export function reportText(lang: Lang): ReportText {
  return REPORT_TEXT[lang];
}

/** Texts of the award submission (tờ trình) and the minutes (biên bản), Vietnamese and English. */
import type { Lang } from "./format";

export const AWARD_TEXT = {
  vi: {
    nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    motto: "Độc lập - Tự do - Hạnh phúc",
    number: (kind: string, abbr: string) => `Số:        /${kind}${abbr ? `-${abbr}` : ""}`,
    date: (place: string, year: number) => `${place ? `${place}, ` : ""}ngày      tháng      năm ${year}`,
    submissionTitle: "TỜ TRÌNH",
    submissionSubject: (year: number) => `Về việc đề nghị tặng Cờ thi đua của Thanh tra Chính phủ và Bằng khen của Tổng Thanh tra Chính phủ năm ${year}`,
    to: "Kính gửi: Hội đồng Thi đua, khen thưởng ngành Thanh tra.",
    basis: (b: string) => `Căn cứ ${lowerFirst(b)};`,
    covenant: (c: string) => `Căn cứ ${lowerFirst(c)};`,
    scoringBasis: (bloc: string, year: number) => `Căn cứ kết quả chấm điểm, bình xét thi đua năm ${year} của ${bloc},`,
    intro: (leader: string, bloc: string, year: number) =>
      `${leader}, đơn vị Khối trưởng ${bloc} năm ${year}, kính trình Hội đồng Thi đua, khen thưởng ngành Thanh tra xem xét, đề nghị khen thưởng như sau:`,
    sectionResults: (year: number) => `I. KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA NĂM ${year}`,
    units: (bloc: string, year: number, names: string, theme: string) =>
      `Năm ${year}, các đơn vị trong ${bloc} gồm ${names} đã bám sát${theme ? ` chủ đề thi đua “${theme}”,` : ""} các nội dung, chỉ tiêu thi đua do Thanh tra Chính phủ phát động, triển khai đồng bộ các mặt công tác thanh tra, tiếp công dân, giải quyết khiếu nại, tố cáo và phòng, chống tham nhũng, tiêu cực.`,
    results: (parts: string[]) => `Kết quả, các đơn vị trong Khối ${parts.join("; ")}.`,
    inspections: (n: string) => `đã tiến hành ${n} cuộc thanh tra`,
    money: (n: string, over: boolean) => `kiến nghị xử lý ${over ? "hơn " : ""}${n} tỷ đồng`,
    reception: (visits: string | null, people: string | null) =>
      visits !== null && people !== null ? `tiếp ${visits} lượt với ${people} công dân` : visits !== null ? `tiếp ${visits} lượt công dân` : `tiếp ${people} công dân`,
    applications: (n: string) => `tiếp nhận, xử lý ${n} đơn`,
    cases: (n: string) => `tham mưu giải quyết ${n} vụ việc thuộc thẩm quyền`,
    compare: (against: string, parts: string[]) => `So với ${against}, ${parts.join("; ")}.`,
    cmpNames: {
      TT01: "số cuộc thanh tra",
      TT03: "số tiền kiến nghị xử lý về kinh tế",
      TCD01: "số lượt tiếp công dân",
      XLD01: "số đơn tiếp nhận, xử lý",
      GQ01: "số vụ việc tham mưu giải quyết",
    } as Record<string, string>,
    change: (name: string, pct: number, text: string) => (pct > 0 ? `${name} tăng ${text}` : pct < 0 ? `${name} giảm ${text}` : `${name} không thay đổi`),
    sectionScores: "II. KẾT QUẢ CHẤM ĐIỂM, BÌNH XÉT THI ĐUA",
    scoresIntro: (n: number, max: string) =>
      `Trên cơ sở tiêu chí chấm điểm thi đua của Khối (${n} tiêu chí, tổng điểm tối đa ${max} điểm, chưa kể điểm cộng, điểm trừ), kết quả chấm điểm các đơn vị như sau:`,
    noScores: "Khối chưa có bảng chấm điểm thi đua (sheet “Chấm điểm”), nên chưa có kết quả xếp hạng.",
    colStt: "STT",
    colUnit: "Đơn vị",
    colTotal: "Tổng điểm",
    colRank: "Xếp hạng",
    colBonus: "Điểm cộng",
    colPenalty: "Điểm trừ",
    sectionProposal: "III. ĐỀ NGHỊ KHEN THƯỞNG",
    flagLine: (year: number) => `1. Đề nghị tặng Cờ thi đua của Thanh tra Chính phủ năm ${year} cho:`,
    meritLine: (year: number) => `2. Đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ năm ${year} cho:`,
    proposed: (name: string, score: string, rank: number, votes: string | null) => `- ${name}: đạt ${score} điểm, xếp thứ ${rank}${votes ? `; ${votes} phiếu đồng ý` : ""}.`,
    noneProposed: "- Không có đơn vị đủ điều kiện đề nghị.",
    tie: (names: string, score: string, places: number) =>
      `- Các đơn vị ${names} bằng điểm (${score} điểm) tại ranh giới xét ${places} vị trí còn lại; Khối sẽ tổ chức bỏ phiếu và báo cáo bổ sung.`,
    sectionNext: (year: number) => `IV. KHỐI TRƯỞNG, KHỐI PHÓ NĂM ${year}`,
    next: (bloc: string, year: number, leader: string, deputy: string) =>
      `Các đơn vị trong ${bloc} đã thống nhất ${leader ? `${leader} là Khối trưởng` : ""}${leader && deputy ? ", " : ""}${deputy ? `${deputy} là Khối phó` : ""} ${bloc} năm ${year}.`,
    closing: (leader: string) => `${leader} kính trình Hội đồng Thi đua, khen thưởng ngành Thanh tra xem xét, quyết định./.`,
    recipients: "Nơi nhận:",
    recipientList: ["- Như trên;", "- Các đơn vị trong Khối;", "- Lưu: VT."],
    // Minutes
    minutesTitle: "BIÊN BẢN",
    minutesSubject: (bloc: string, year: number) => `Họp bình xét thi đua, khen thưởng năm ${year} của ${bloc}`,
    minutesOpen: (place: string, bloc: string, year: number) =>
      `Hôm nay, vào hồi      giờ      ngày      tháng      năm ${year + 1}${place ? `, tại ${place}` : ""}, ${bloc} tổ chức họp bình xét thi đua, khen thưởng năm ${year}.`,
    sectionAttend: "I. THÀNH PHẦN THAM DỰ",
    attendIntro: (n: number) => `Đại diện lãnh đạo ${n} đơn vị trong Khối:`,
    attendLine: (i: number, name: string, role: string) => `${i}. ${name}${role ? ` (${role})` : ""};`,
    roleLeader: "Khối trưởng, chủ trì",
    roleDeputy: "Khối phó",
    chair: (name: string) => `Chủ trì cuộc họp: ${name}, Khối trưởng.`,
    sectionContent: "II. NỘI DUNG CUỘC HỌP",
    contentIntro: (year: number) => `Các đơn vị đã báo cáo kết quả thực hiện phong trào thi đua năm ${year}, tự chấm điểm và chấm chéo theo tiêu chí của Khối. Kết quả chấm điểm:`,
    criterionShort: "TC",
    legend: (list: string) => `Tiêu chí (điểm tối đa): ${list}.`,
    sectionVotes: "III. KẾT QUẢ BỎ PHIẾU",
    votesIntro: (n: number) => `Số đơn vị tham gia bỏ phiếu: ${n}. Đề nghị khen thưởng cần trên một nửa số phiếu.`,
    noVotes: "Bảng chấm điểm không có cột số phiếu; Khối thống nhất đề nghị theo kết quả chấm điểm.",
    colAward: "Hình thức",
    colVotes: "Số phiếu đồng ý",
    colRatio: "Tỷ lệ",
    awardFlag: "Cờ thi đua",
    awardMerit: "Bằng khen",
    sectionConclusion: "IV. KẾT LUẬN",
    conclusionFlag: (names: string) => `Khối thống nhất đề nghị tặng Cờ thi đua của Thanh tra Chính phủ cho: ${names}.`,
    conclusionMerit: (names: string) => `Khối thống nhất đề nghị tặng Bằng khen của Tổng Thanh tra Chính phủ cho: ${names}.`,
    conclusionNone: (award: string) => `Không có đơn vị đủ điều kiện đề nghị ${award}.`,
    minutesEnd: "Cuộc họp kết thúc vào hồi      giờ      cùng ngày. Biên bản đã được thông qua trước các đại biểu dự họp và nhất trí ký tên./.",
    secretary: "THƯ KÝ",
    chairSign: "CHỦ TRÌ",
    draftNote: (when: string) => `Dự thảo tạo tự động bởi Bloc Summary lúc ${when}.`,
    cliAwards: (flag: string, merit: string, ties: number) =>
      `Đề nghị Cờ thi đua: ${flag || "không có"}; Bằng khen: ${merit || "không có"}${ties ? ` (${ties} trường hợp bằng điểm cần bỏ phiếu)` : ""}.`,
  },
  en: {
    nation: "SOCIALIST REPUBLIC OF VIETNAM",
    motto: "Independence - Freedom - Happiness",
    number: (kind: string, abbr: string) => `No.:        /${kind}${abbr ? `-${abbr}` : ""}`,
    date: (place: string, year: number) => `${place ? `${place}, ` : ""}date:      /      /${year}`,
    submissionTitle: "SUBMISSION",
    submissionSubject: (year: number) => `Proposing the Government Inspectorate's Emulation Flag and the Inspector General's Certificate of Merit for ${year}`,
    to: "To: the Emulation and Reward Council of the Inspection sector.",
    basis: (b: string) => `Pursuant to ${b};`,
    covenant: (c: string) => `Pursuant to ${c};`,
    scoringBasis: (bloc: string, year: number) => `Based on the ${year} scoring and review of ${bloc},`,
    intro: (leader: string, bloc: string, year: number) =>
      `${leader}, leader of ${bloc} in ${year}, respectfully submits the following award proposal to the Emulation and Reward Council of the Inspection sector:`,
    sectionResults: (year: number) => `I. RESULTS OF THE EMULATION MOVEMENT IN ${year}`,
    units: (bloc: string, year: number, names: string, theme: string) =>
      `In ${year}, the units of ${bloc} — ${names} — followed${theme ? ` the emulation theme “${theme}” and` : ""} the emulation targets set by the Government Inspectorate across inspection, citizen reception, complaint and denunciation handling, and anti-corruption work.`,
    results: (parts: string[]) => `As a result, the units of the bloc ${parts.join("; ")}.`,
    inspections: (n: string) => `conducted ${n} inspections`,
    money: (n: string, over: boolean) => `recommended the recovery of ${over ? "over " : ""}${n} billion VND`,
    reception: (visits: string | null, people: string | null) =>
      visits !== null && people !== null
        ? `received citizens on ${visits} visits (${people} people)`
        : visits !== null
          ? `received citizens on ${visits} visits`
          : `received ${people} citizens`,
    applications: (n: string) => `received and handled ${n} applications`,
    cases: (n: string) => `advised on the settlement of ${n} cases under their authority`,
    compare: (against: string, parts: string[]) => `Against ${against}, ${parts.join("; ")}.`,
    cmpNames: { TT01: "inspections", TT03: "recommended recoveries", TCD01: "reception visits", XLD01: "applications handled", GQ01: "cases advised" } as Record<string, string>,
    change: (name: string, pct: number, text: string) => (pct > 0 ? `${name} rose by ${text}` : pct < 0 ? `${name} fell by ${text}` : `${name} were unchanged`),
    sectionScores: "II. SCORING AND REVIEW",
    scoresIntro: (n: number, max: string) =>
      `Under the bloc's scoring criteria (${n} criteria, at most ${max} points before bonus and penalty points), the units scored as follows:`,
    noScores: "The bloc has no scoring sheet (“Chấm điểm”) yet, so there is no ranking.",
    colStt: "No.",
    colUnit: "Unit",
    colTotal: "Total score",
    colRank: "Rank",
    colBonus: "Bonus",
    colPenalty: "Penalty",
    sectionProposal: "III. AWARD PROPOSAL",
    flagLine: (year: number) => `1. The Government Inspectorate's Emulation Flag for ${year} for:`,
    meritLine: (year: number) => `2. The Inspector General's Certificate of Merit for ${year} for:`,
    proposed: (name: string, score: string, rank: number, votes: string | null) => `- ${name}: ${score} points, ranked ${rank}${votes ? `; ${votes} votes in favour` : ""}.`,
    noneProposed: "- No unit qualifies.",
    tie: (names: string, score: string, places: number) => `- ${names} are tied (${score} points) for the ${places} remaining place(s); the bloc will vote and report separately.`,
    sectionNext: (year: number) => `IV. BLOC LEADER AND DEPUTY FOR ${year}`,
    next: (bloc: string, year: number, leader: string, deputy: string) =>
      `The units of ${bloc} agreed on ${leader ? `${leader} as leader` : ""}${leader && deputy ? " and " : ""}${deputy ? `${deputy} as deputy` : ""} of ${bloc} for ${year}.`,
    closing: (leader: string) => `${leader} respectfully submits this proposal to the Emulation and Reward Council of the Inspection sector for its decision./.`,
    recipients: "Recipients:",
    recipientList: ["- As above;", "- The units of the bloc;", "- Archive: Records."],
    minutesTitle: "MINUTES",
    minutesSubject: (bloc: string, year: number) => `Meeting of ${bloc} to review the emulation and awards of ${year}`,
    minutesOpen: (place: string, bloc: string, year: number) =>
      `Today, at      on      /      /${year + 1}${place ? `, in ${place}` : ""}, ${bloc} met to review the emulation and awards of ${year}.`,
    sectionAttend: "I. ATTENDANCE",
    attendIntro: (n: number) => `Representatives of the ${n} units of the bloc:`,
    attendLine: (i: number, name: string, role: string) => `${i}. ${name}${role ? ` (${role})` : ""};`,
    roleLeader: "bloc leader, chair",
    roleDeputy: "deputy",
    chair: (name: string) => `Chair: ${name}, bloc leader.`,
    sectionContent: "II. PROCEEDINGS",
    contentIntro: (year: number) => `The units reported on their ${year} emulation movement, scored themselves and each other against the bloc's criteria. The scores:`,
    criterionShort: "C",
    legend: (list: string) => `Criteria (maximum points): ${list}.`,
    sectionVotes: "III. VOTES",
    votesIntro: (n: number) => `Voting units: ${n}. A proposal needs more than half of the votes.`,
    noVotes: "The scoring sheet has no vote columns; the bloc proposes by score.",
    colAward: "Award",
    colVotes: "Votes in favour",
    colRatio: "Share",
    awardFlag: "Emulation Flag",
    awardMerit: "Certificate of Merit",
    sectionConclusion: "IV. CONCLUSION",
    conclusionFlag: (names: string) => `The bloc agreed to propose the Government Inspectorate's Emulation Flag for: ${names}.`,
    conclusionMerit: (names: string) => `The bloc agreed to propose the Inspector General's Certificate of Merit for: ${names}.`,
    conclusionNone: (award: string) => `No unit qualifies for the ${award}.`,
    minutesEnd: "The meeting closed at      the same day. These minutes were read to the participants, who agreed and signed./.",
    secretary: "SECRETARY",
    chairSign: "CHAIR",
    draftNote: (when: string) => `Draft generated by Bloc Summary at ${when}.`,
    cliAwards: (flag: string, merit: string, ties: number) =>
      `Proposed Emulation Flag: ${flag || "none"}; Certificate of Merit: ${merit || "none"}${ties ? ` (${ties} tie(s) for the bloc to vote on)` : ""}.`,
  },
} satisfies Record<Lang, unknown>;

export type AwardText = (typeof AWARD_TEXT)["vi"];

export function awardText(lang: Lang): AwardText {
  return AWARD_TEXT[lang];
}

/** "Kế hoạch số 66…" stays as written; only a plain first word is lowered ("Bản Giao ước" → "bản Giao ước"). */
function lowerFirst(s: string): string {
  const t = s.trim().replace(/[;.,]+$/, "");
  return /^(Bản)\s/.test(t) ? t[0].toLowerCase() + t.slice(1) : t;
}

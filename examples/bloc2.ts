/** The units of Khối Thi đua số 2 in the seed report (2023), shared by the samples made of that bloc. */
export const BLOC2_UNITS = [
  { code: "BCA", name: "Thanh tra Bộ Công an" },
  { code: "BTP", name: "Thanh tra Bộ Tư pháp" },
  { code: "BQP", name: "Thanh tra Bộ Quốc phòng" },
  { code: "BKHDT", name: "Thanh tra Bộ Kế hoạch và Đầu tư" },
  { code: "BNV", name: "Thanh tra Bộ Nội vụ" },
  { code: "NHNN", name: "Cơ quan Thanh tra, giám sát ngân hàng" },
];

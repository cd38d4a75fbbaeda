// Public-holiday arrangements (部分节假日安排) published each year by the General Office of the
// State Council (国务院办公厅), as data for createWorkingCalendar.
//
// Convention: `holidays` lists EVERY day of each 放假 range exactly as the notice prints it
// ("2月10日至17日放假调休" → all eight days), weekend days included; `makeupWorkdays` lists the
// 调休 weekend days the notice declares working days ("2月4日（星期日）上班"). Listing the weekend
// days is harmless — isWorkday treats a date in `holidays` as a day off whatever its weekday —
// and keeps the data checkable line by line against the notice.
//
// These are the national arrangements. Admins edit the calendar in the application when a
// notice is published for a new year (usually in October–November) or when the city adjusts
// working days; years not listed here fall back to plain Monday–Friday.

export interface HolidayArrangement {
  year: number;
  /** YYYY-MM-DD, every day off in the notice's 放假 ranges (weekend days included). */
  holidays: string[];
  /** YYYY-MM-DD, weekend days declared working days (调休上班). */
  makeupWorkdays: string[];
}

/** The festival each listed date belongs to, as the notice names it (元旦, 春节, 国庆节、中秋节 …). */
const festivalOfDate = new Map<string, string>();

/** `dates`, each remembered as belonging to `name` (for the calendar's labels). */
function festival(name: string, ...dates: string[]): string[] {
  for (const date of dates) festivalOfDate.set(date, name);
  return dates;
}

function days(first: string, last: string): string[] {
  const out: string[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let t = Date.parse(`${first}T00:00:00Z`); t <= end; t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

export const cnHolidayArrangements: readonly HolidayArrangement[] = [
  {
    // 国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号, 2023-10-25).
    year: 2024,
    holidays: [
      ...festival('元旦', '2024-01-01'), // 元旦：1月1日放假，与周末连休
      ...festival('春节', ...days('2024-02-10', '2024-02-17')), // 春节：2月10日至17日放假调休，共8天
      ...festival('清明节', ...days('2024-04-04', '2024-04-06')), // 清明节：4月4日至6日放假调休，共3天
      ...festival('劳动节', ...days('2024-05-01', '2024-05-05')), // 劳动节：5月1日至5日放假调休，共5天
      ...festival('端午节', '2024-06-10'), // 端午节：6月10日放假，与周末连休
      ...festival('中秋节', ...days('2024-09-15', '2024-09-17')), // 中秋节：9月15日至17日放假调休，共3天
      ...festival('国庆节', ...days('2024-10-01', '2024-10-07')), // 国庆节：10月1日至7日放假调休，共7天
    ],
    makeupWorkdays: [
      ...festival('春节', '2024-02-04'), // Sunday
      ...festival('春节', '2024-02-18'), // Sunday
      ...festival('清明节', '2024-04-07'), // Sunday
      ...festival('劳动节', '2024-04-28'), // Sunday
      ...festival('劳动节', '2024-05-11'), // Saturday
      ...festival('中秋节', '2024-09-14'), // Saturday
      ...festival('国庆节', '2024-09-29'), // Sunday
      ...festival('国庆节', '2024-10-12'), // Saturday
    ],
  },
  {
    // 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号, 2024-11-12).
    year: 2025,
    holidays: [
      ...festival('元旦', '2025-01-01'), // 元旦：1月1日（周三）放假1天，不调休
      ...festival('春节', ...days('2025-01-28', '2025-02-04')), // 春节：1月28日（除夕）至2月4日（初七）放假调休，共8天
      ...festival('清明节', ...days('2025-04-04', '2025-04-06')), // 清明节：4月4日至6日放假，共3天
      ...festival('劳动节', ...days('2025-05-01', '2025-05-05')), // 劳动节：5月1日至5日放假调休，共5天
      ...festival('端午节', ...days('2025-05-31', '2025-06-02')), // 端午节：5月31日至6月2日放假，共3天
      ...festival('国庆节、中秋节', ...days('2025-10-01', '2025-10-08')), // 国庆节、中秋节：10月1日至8日放假调休，共8天
    ],
    makeupWorkdays: [
      ...festival('春节', '2025-01-26'), // Sunday
      ...festival('春节', '2025-02-08'), // Saturday
      ...festival('劳动节', '2025-04-27'), // Sunday
      ...festival('国庆节、中秋节', '2025-09-28'), // Sunday
      ...festival('国庆节、中秋节', '2025-10-11'), // Saturday
    ],
  },
  {
    // 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04, published by Xinhua); checked
    // against the published text. Admins correct it in the application if a later notice changes it.
    year: 2026,
    holidays: [
      ...festival('元旦', ...days('2026-01-01', '2026-01-03')), // 元旦：1月1日（周四）至3日（周六）放假调休，共3天
      ...festival('春节', ...days('2026-02-15', '2026-02-23')), // 春节：2月15日（腊月二十八）至23日（正月初七）放假调休，共9天
      ...festival('清明节', ...days('2026-04-04', '2026-04-06')), // 清明节：4月4日（周六）至6日（周一）放假，共3天
      ...festival('劳动节', ...days('2026-05-01', '2026-05-05')), // 劳动节：5月1日（周五）至5日（周二）放假调休，共5天
      ...festival('端午节', ...days('2026-06-19', '2026-06-21')), // 端午节：6月19日（周五）至21日（周日）放假，共3天
      ...festival('中秋节', ...days('2026-09-25', '2026-09-27')), // 中秋节：9月25日（周五）至27日（周日）放假，共3天
      ...festival('国庆节', ...days('2026-10-01', '2026-10-07')), // 国庆节：10月1日（周四）至7日（周三）放假调休，共7天
    ],
    makeupWorkdays: [
      ...festival('元旦', '2026-01-04'), // Sunday
      ...festival('春节', '2026-02-14'), // Saturday
      ...festival('春节', '2026-02-28'), // Saturday
      ...festival('劳动节', '2026-05-09'), // Saturday
      ...festival('国庆节', '2026-09-20'), // Sunday
      ...festival('国庆节', '2026-10-10'), // Saturday
    ],
  },
];

/** The days off and make-up workdays of several arrangements, merged for createWorkingCalendar. */
export function mergeHolidayArrangements(arrangements: readonly HolidayArrangement[]): {
  holidays: string[];
  makeupWorkdays: string[];
} {
  return {
    holidays: arrangements.flatMap((a) => a.holidays),
    makeupWorkdays: arrangements.flatMap((a) => a.makeupWorkdays),
  };
}

/**
 * The festival a day off or a make-up workday of these arrangements belongs to, as the notice names
 * it ('春节', '国庆节、中秋节'); undefined for a date the arrangements do not list.
 */
export function cnHolidayName(date: string): string | undefined {
  return festivalOfDate.get(date);
}

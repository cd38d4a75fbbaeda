/**
 * The platform's clock: Binzhou's. Deadlines, working hours and the China day a demand belongs to
 * are all China time, so every time is shown in China time whatever the browser's zone (an
 * official on a laptop set to UTC still sees the 17:00 end of the working day as 17:00).
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** Formats an ISO timestamp for people in the UI language, in China time. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: CHINA_TIME_ZONE,
  }).format(date);
}

// The window a question outside a digest searches: "30d", "12h", "2w", "3 days", "1 month".
// Default 7 days; at most a year. Returns null for text that is not a window.
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000, m: 30 * 86_400_000 };
/** Longest window accepted: a year. */
export const MAX_WINDOW_MS = 366 * 86_400_000;

/** Milliseconds of a window such as "30d", "12h", "2w", "3 days", "1 month", or null. */
export function parseWindow(s: string): number | null {
  const m = /^\s*(\d{1,4})\s*(h|hours?|d|days?|w|weeks?|months?|mo)\s*$/i.exec(s);
  if (!m) return null;
  const unit = m[2]!.toLowerCase();
  const ms = Number(m[1]) * UNIT_MS[unit.startsWith('mo') ? 'm' : unit[0]!]!;
  return ms > 0 && ms <= MAX_WINDOW_MS ? ms : null;
}

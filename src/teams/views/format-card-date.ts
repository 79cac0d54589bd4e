/** An instant as readers in any timezone can place it: "2026-03-03 10:04 UTC". */
export function formatCardDate(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A time shown in each reader's own time zone with Slack's date token
 * (`<!date^seconds^format|fallback>`); the fallback (UTC) is what notifications and old clients
 * show. Only for instants we render, never for customer text.
 */
export function formatSlackDate(date: Date, format = '{date_short_pretty} {time}'): string {
  const seconds = Math.floor(date.getTime() / 1000);
  const fallback = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  return `<!date^${seconds}^${format}|${fallback}>`;
}

/** "3 h", "2 d": how long ago, for App Home lists (minutes precision is noise there). */
export function describeAge(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d`;
}

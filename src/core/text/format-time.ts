/** "2025-03-01 09:00 UTC": one time zone for a team spread over several. */
export function formatTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "2025-03-01": a day, in UTC. */
export function formatDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** "45 min", "2 h 5 min", "3 d 4 h": how long something has waited, for people. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  return hours % 24 ? `${Math.floor(hours / 24)} d ${hours % 24} h` : `${Math.floor(hours / 24)} d`;
}

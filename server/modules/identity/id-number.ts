/** placeholder until rules lib */
export function normalizeStaffIdNumber(raw: string): string | null {
  return raw.trim().toUpperCase();
}

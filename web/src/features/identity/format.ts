function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** An instant as local date and time, `2026-11-26 23:29`: unambiguous in both languages and sortable by eye. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getFullYear()}-${twoDigits(d.getMonth() + 1)}-${twoDigits(d.getDate())} ${twoDigits(d.getHours())}:${twoDigits(d.getMinutes())}`;
}

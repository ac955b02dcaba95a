import { uuidv7 } from 'uuidv7';

/** App-generated, time-ordered ids (UUIDv7): portable across dialects and sortable by creation. */
export const newId = (): string => uuidv7();

/** Now as a UTC ISO-8601 instant (millisecond precision, always the same width so text sorts by time). */
export const nowIso = (): string => new Date().toISOString();

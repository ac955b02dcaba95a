import { z } from 'zod';
import { isValidCivilDate } from './civil-date';

/**
 * A local calendar date of the API, 'YYYY-MM-DD', that names a day of the calendar: 2026-02-30 and
 * 2026-13-01 are refused with 400 naming the field, not stored or rolled over into March.
 */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isValidCivilDate, 'YYYY-MM-DD: no such day in the calendar');

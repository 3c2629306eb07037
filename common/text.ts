import { z } from 'zod';

/** Limits declared once, shown by the UI and enforced at every boundary. */
export const LIMITS = {
  name: 200,
  title: 200,
  shortText: 200,
  notes: 5000,
  phone: 50,
  email: 200,
  listItems: 500,
  body: 1_000_000,
} as const;

/**
 * Text stored verbatim, whatever characters it holds. Lone surrogates are refused because they
 * are not characters: SQLite would store them as U+FFFD and the text would no longer round-trip.
 */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((s) => s.isWellFormed(), { message: 'contains an unpaired surrogate (not valid Unicode text)' });
}

/** A required name: stored verbatim, but must contain something other than spaces. */
export function requiredText(max: number) {
  return text(max).refine((s) => s.trim().length > 0, { message: 'is required' });
}

/** An optional text where an empty string means "none". */
export function optionalText(max: number) {
  return text(max)
    .nullish()
    .transform((s) => (s === undefined || s === null || s === '' ? null : s));
}

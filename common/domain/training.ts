// Rule 4 of the notice: spokespersons are trained before taking the post (上岗前要经过培训).
import type { Role } from '../schemas';

/**
 * A spokesperson is untrained when no training falls on or before the tenure start. Without a
 * recorded tenure start, any training at all counts.
 */
export function isUntrainedSpokesperson(
  person: { role: Role; tenureStart: string | null },
  trainings: readonly { date: string }[],
): boolean {
  if (person.role !== 'spokesperson') return false;
  const start = person.tenureStart ?? '9999-12-31';
  return !trainings.some((t) => t.date <= start);
}

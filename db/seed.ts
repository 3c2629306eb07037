// The 24 listed departments of the 2014 notice (附件1). Fixed ids make exports from any two
// databases agree on who is who.
import { count } from 'drizzle-orm';
import type { Db } from './open';
import { departments } from './schema';
import seed from './seed/listed-departments-2014.json';

export interface SeedDepartment {
  id: string;
  name: string;
  fullName: string;
  listed: boolean;
  listedFrom: string;
  sortOrder: number;
}

export const LISTED_DEPARTMENTS_2014: readonly SeedDepartment[] = seed.departments;

/** Seeds the register when it is empty; returns how many departments were added. */
export function seedIfEmpty(db: Db, at: string): number {
  const existing = db.select({ n: count() }).from(departments).get()?.n ?? 0;
  if (existing > 0) return 0;
  db.transaction((tx) => {
    for (const d of LISTED_DEPARTMENTS_2014) {
      tx.insert(departments)
        .values({ ...d, status: 'active', createdAt: at, updatedAt: at })
        .run();
    }
  });
  return LISTED_DEPARTMENTS_2014.length;
}

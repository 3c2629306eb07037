import { asc, eq } from 'drizzle-orm';
import type { CalendarOverride } from '../../common/domain/calendar';
import type { Db } from '../open';
import { calendarOverrides } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';

export function listCalendarOverrides(db: Db): CalendarOverride[] {
  return db
    .select({ date: calendarOverrides.date, kind: calendarOverrides.kind, name: calendarOverrides.name })
    .from(calendarOverrides)
    .orderBy(asc(calendarOverrides.date))
    .all();
}

/** Sets or (with kind null) clears the office's decision for one day. */
export function setCalendarOverride(
  db: Db,
  stamp: Stamp,
  o: { date: string; kind: 'holiday' | 'workday' | null; name: string | null },
): void {
  db.transaction((t) => {
    const before = t.select().from(calendarOverrides).where(eq(calendarOverrides.date, o.date)).get() ?? null;
    if (o.kind === null) {
      t.delete(calendarOverrides).where(eq(calendarOverrides.date, o.date)).run();
    } else {
      const values = { date: o.date, kind: o.kind, name: o.name, createdAt: stamp.at, updatedAt: stamp.at };
      t.insert(calendarOverrides)
        .values(values)
        .onConflictDoUpdate({
          target: calendarOverrides.date,
          set: { kind: o.kind, name: o.name, updatedAt: stamp.at },
        })
        .run();
    }
    recordAudit(
      t,
      stamp,
      o.kind === null ? 'delete' : 'update',
      'calendar_override',
      o.date,
      before,
      o.kind ? o : null,
    );
  });
}

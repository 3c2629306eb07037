// What moves whenever the data a connection reads may have changed.
import { sql } from 'drizzle-orm';
import type { ServiceContext } from './context';

/**
 * `data_version` moves when another connection commits (the CLI beside the app), `total_changes()` when
 * this one writes. Equal strings: nothing was written in between.
 */
export function dataVersion(ctx: Pick<ServiceContext, 'db'>): string {
  const row = ctx.db.get<{ v: number; t: number }>(
    sql`SELECT (SELECT data_version FROM pragma_data_version) AS v, total_changes() AS t`,
  );
  return `${row?.v}:${row?.t}`;
}

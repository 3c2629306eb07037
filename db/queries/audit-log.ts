// Reading the audit trail: filtered, newest first. Nothing in the app writes to it except the
// services' own recordAudit calls; there is no operation that edits or deletes a row.
import { sql } from 'drizzle-orm';
import type { AuditRowView } from '../../common/types';
import type { Db } from '../open';

export interface AuditFilter {
  actor?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  entityId?: string | undefined;
  /** Instants (ISO 8601, UTC): `from` inclusive, `until` exclusive. */
  from?: string | undefined;
  until?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export type AuditRow = AuditRowView;

function where(f: AuditFilter) {
  return sql`(${f.actor ?? null} IS NULL OR actor = ${f.actor ?? null})
    AND (${f.entity ?? null} IS NULL OR entity = ${f.entity ?? null})
    AND (${f.action ?? null} IS NULL OR action = ${f.action ?? null})
    AND (${f.entityId ?? null} IS NULL OR entity_id = ${f.entityId ?? null})
    AND (${f.from ?? null} IS NULL OR at >= ${f.from ?? null})
    AND (${f.until ?? null} IS NULL OR at < ${f.until ?? null})`;
}

export function listAudit(db: Db, f: AuditFilter): { total: number; rows: AuditRow[] } {
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM audit_log WHERE ${where(f)}`)?.n ?? 0;
  const rows = db
    .all<{
      id: number;
      at: string;
      actor: string;
      action: string;
      entity: string;
      entity_id: string | null;
      before: string | null;
      after: string | null;
      reason: string | null;
    }>(
      sql`SELECT * FROM audit_log WHERE ${where(f)} ORDER BY id DESC LIMIT ${f.limit ?? 1_000_000} OFFSET ${f.offset ?? 0}`,
    )
    .map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before === null ? null : JSON.parse(r.before),
      after: r.after === null ? null : JSON.parse(r.after),
      reason: r.reason,
    }));
  return { total, rows };
}

export function auditFacets(db: Db): { actors: string[]; entities: string[]; actions: string[] } {
  const col = (c: 'actor' | 'entity' | 'action') =>
    db.all<{ v: string }>(sql.raw(`SELECT DISTINCT ${c} AS v FROM audit_log ORDER BY v`)).map((r) => r.v);
  return { actors: col('actor'), entities: col('entity'), actions: col('action') };
}

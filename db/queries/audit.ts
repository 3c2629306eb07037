import type { Db } from '../open';
import { auditLog } from '../schema';
import type { Stamp } from '../stamp';

export type AuditAction =
  | 'create'
  | 'update'
  | 'delete'
  | 'archive'
  | 'restore'
  | 'merge'
  | 'import'
  | 'export'
  | 'cancel'
  | 'postpone'
  | 'check_in'
  | 'restore'
  | 'backup';

export function recordAudit(
  db: Db,
  stamp: Stamp,
  action: AuditAction,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
  reason: string | null = null,
): void {
  db.insert(auditLog)
    .values({
      at: stamp.at,
      actor: stamp.actor,
      action,
      entity,
      entityId,
      before: before ?? null,
      after: after ?? null,
      reason,
    })
    .run();
}

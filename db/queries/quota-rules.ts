// Quota rules: the notice's three minimums, seeded once; the office may add rules for a new notice.
import { asc, count, eq } from 'drizzle-orm';
import { NOTICE_2014_RULES, type QuotaKind, type QuotaRule } from '../../common/domain/quota';
import { AppError } from '../../common/result';
import type { Db } from '../open';
import { quotaRules } from '../schema';
import type { Stamp } from '../stamp';
import { recordAudit } from './audit';
import { getSetting, putSetting } from './settings';

export interface StoredQuotaRule extends QuotaRule {
  id: string;
  source: string | null;
}

const NOTICE_SOURCE = '日照市人民政府办公室《关于进一步做好政府信息公开工作的通知》(2014)';

/** Seeds the notice's rules the first time; an office that later removes them is not overruled. */
export function seedQuotaRules(db: Db, at: string): void {
  if (getSetting<boolean>(db, 'quotaRulesSeeded')) return;
  db.transaction((t) => {
    const n = t.select({ n: count() }).from(quotaRules).get()?.n ?? 0;
    if (n === 0) {
      for (const r of NOTICE_2014_RULES) {
        t.insert(quotaRules)
          .values({ id: `notice-2014-${r.kind}`, ...r, source: NOTICE_SOURCE, createdAt: at, updatedAt: at })
          .run();
      }
    }
    putSetting(t, 'quotaRulesSeeded', true);
  });
}

export function listQuotaRules(db: Db): StoredQuotaRule[] {
  return db
    .select({
      id: quotaRules.id,
      kind: quotaRules.kind,
      minimum: quotaRules.minimum,
      effectiveFrom: quotaRules.effectiveFrom,
      source: quotaRules.source,
    })
    .from(quotaRules)
    .orderBy(asc(quotaRules.kind), asc(quotaRules.effectiveFrom))
    .all();
}

export function createQuotaRule(
  db: Db,
  stamp: Stamp,
  rule: { kind: QuotaKind; minimum: number; effectiveFrom: string; source: string | null },
): StoredQuotaRule {
  return db.transaction((t) => {
    const clash = listQuotaRules(t).find((r) => r.kind === rule.kind && r.effectiveFrom === rule.effectiveFrom);
    if (clash) throw new AppError('conflict', `a ${rule.kind} rule already takes effect on ${rule.effectiveFrom}`);
    const row = { id: stamp.newId(), ...rule, createdAt: stamp.at, updatedAt: stamp.at };
    t.insert(quotaRules).values(row).run();
    recordAudit(t, stamp, 'create', 'quota_rule', row.id, null, row);
    return { id: row.id, ...rule };
  });
}

export function deleteQuotaRule(db: Db, stamp: Stamp, id: string): void {
  db.transaction((t) => {
    const before = t.select().from(quotaRules).where(eq(quotaRules.id, id)).get();
    if (!before) throw new AppError('not_found', `quota rule "${id}" does not exist`);
    t.delete(quotaRules).where(eq(quotaRules.id, id)).run();
    recordAudit(t, stamp, 'delete', 'quota_rule', id, before, null);
  });
}

// The benchmark's generator writes the same database for the same scale and seed: equal digests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generate } from '../../scripts/bench/generate';
import { databaseDigest } from './helpers/digest';

const dir = mkdtempSync(join(tmpdir(), 'press-office-bench-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generated(name: string, seed: number) {
  const dbPath = join(dir, `${name}.db`);
  const summary = generate({ dbPath, scale: 0.002, seed });
  const client = new Database(dbPath, { readonly: true });
  try {
    const count = (sql: string) => (client.prepare(sql).get() as { n: number }).n;
    return {
      summary,
      digest: databaseDigest(client),
      documents: count('SELECT count(*) AS n FROM documents'),
      portalItems: count(
        "SELECT count(*) AS n FROM documents WHERE status IN ('approved', 'released') AND portal_column IS NOT NULL AND kind <> 'qa'",
      ),
      attendance: count('SELECT count(*) AS n FROM attendance'),
      merged: count("SELECT count(*) AS n FROM departments WHERE status = 'merged'"),
      renamed: count('SELECT count(*) AS n FROM department_names'),
      selfReviewed: count(
        "SELECT count(*) AS n FROM document_reviews r JOIN documents d ON d.id = r.document_id WHERE r.action = 'approve' AND r.actor = d.drafter",
      ),
    };
  } finally {
    client.close();
  }
}

describe('bench data generator', () => {
  it('writes the same database twice from the same seed', () => {
    const a = generated('a', 7);
    const b = generated('b', 7);
    expect(b.digest).toBe(a.digest);
    expect(b.summary.records).toEqual(a.summary.records);

    // What the plan asks for is there: documents, the portal's share, merges, renames, check-ins.
    expect(a.documents).toBe(a.summary.plan.documents);
    expect(a.portalItems).toBe(a.summary.plan.portalDocuments);
    expect(a.merged).toBe(a.summary.plan.merges);
    expect(a.renamed).toBe(a.summary.plan.renames);
    expect(a.attendance).toBeGreaterThan(0);
    // 谁发布谁审查: no document was approved by its own drafter.
    expect(a.selfReviewed).toBe(0);
  }, 60_000);
});

import { describe, expect, it } from 'vitest';
import { appendAudit, auditHead, verifyAuditChain } from '../../../src-main/audit/auditLog';
import { testApp } from '../support/testApp';

function appWithEntries(n: number) {
  const app = testApp();
  for (let i = 0; i < n; i++) {
    app.context.sqlite.transaction(() =>
      appendAudit(app.context, { call: 'test.call', entity: `e${i}`, summary: `entry ${i}`, userId: null }),
    )();
  }
  return app;
}

/** Tampering needs the append-only triggers out of the way, as an attacker with the file would. */
function tamper(app: ReturnType<typeof testApp>, sql: string): void {
  const db = app.context.sqlite;
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('the audit chain', () => {
  it('verifies an untouched chain and reports its head', () => {
    const app = appWithEntries(5);
    const verdict = verifyAuditChain(app.context);
    expect(verdict).toEqual({ ok: true, head: auditHead(app.context), count: 5 });
    expect(auditHead(app.context).seq).toBe(5);
  });

  it('finds an edited row', () => {
    const app = appWithEntries(5);
    tamper(app, "UPDATE audit_log SET summary = '改过' WHERE seq = 3");
    expect(verifyAuditChain(app.context)).toEqual({ ok: false, firstBadSeq: 3, reason: 'edited' });
  });

  it('finds a deleted row in the middle', () => {
    const app = appWithEntries(5);
    tamper(app, 'DELETE FROM audit_log WHERE seq = 2');
    expect(verifyAuditChain(app.context)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'gap' });
  });

  it('finds a row inserted out of order with a recomputed hash', () => {
    const app = appWithEntries(3);
    const rows = app.context.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Array<Record<string, unknown>>;
    tamper(app, 'DELETE FROM audit_log WHERE seq >= 2');
    app.context.sqlite.transaction(() =>
      appendAudit(app.context, { call: 'forged', entity: 'x', summary: 'inserted', userId: null }),
    )();
    const third = rows[2]!;
    app.context.sqlite
      .prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(third.seq, third.at, third.user_id, third.call, third.entity, third.summary, third.prev_hash, third.hash);
    expect(verifyAuditChain(app.context)).toEqual({ ok: false, firstBadSeq: 3, reason: 'broken-link' });
  });

  it('a cut-off tail still verifies, which is why the head is printed on paper', () => {
    const app = appWithEntries(4);
    const printed = auditHead(app.context);
    tamper(app, 'DELETE FROM audit_log WHERE seq = 4');
    const verdict = verifyAuditChain(app.context);
    expect(verdict.ok).toBe(true);
    if (verdict.ok) expect(verdict.head).not.toEqual(printed);
  });
});

import { describe, expect, it } from 'vitest';
import { billLine, collectInput, desk, feeItem, openShift } from './support';

describe('the audit entry of a desk payment', () => {
  it('is one entry that names the receipt number it posted', async () => {
    const d = await desk();
    openShift(d);
    const item = feeItem(d, { code: 'WYF' });
    const lineId = billLine(d, { feeItemId: item, amountFen: 10_000, due: '2024-05-01' });
    const before = d.app.context.sqlite.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    const r = await d.app.must('collection.collect', collectInput(d, { lineIds: [lineId] }), d.cashier);
    const entries = d.app.context.sqlite.prepare('SELECT call, summary FROM audit_log WHERE seq > ?').all(before) as Array<{ call: string; summary: string }>;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.call).toBe('collection.collect');
    expect(entries[0]!.summary).toContain(r.receiptNo);
  });
});

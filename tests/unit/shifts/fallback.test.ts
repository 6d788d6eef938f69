import { afterEach, describe, expect, it } from 'vitest';
import { afterHealthReport, decideMode } from '../../../src-main/shifts/fallback';
import { setSetting } from '../../../src-main/system/settings';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';
import { signInAs } from '../support/users';
import { insertPayment } from './ledgerRows';

let app: TestApp;
afterEach(() => app?.close());

describe('the desk mode', () => {
  it('is standalone without a company server, online with one, fallback whenever switched', () => {
    expect(decideMode({ serverUrl: '', fallbackMode: false })).toBe('standalone');
    expect(decideMode({ serverUrl: 'https://fee.example.com', fallbackMode: false })).toBe('online');
    expect(decideMode({ serverUrl: '', fallbackMode: true })).toBe('fallback');
  });

  it('asks for fallback at the N-th failure in a row, and a success ends the run', () => {
    let state = { consecutiveFailures: 0, fallbackMode: false };
    const steps = [false, false, true, false, false, false].map((ok) => {
      const next = afterHealthReport(state, ok, 3);
      state = { consecutiveFailures: next.consecutiveFailures, fallbackMode: state.fallbackMode || next.switchToFallback };
      return next.switchToFallback;
    });
    expect(steps).toEqual([false, false, false, false, false, true]);
    expect(afterHealthReport({ consecutiveFailures: 5, fallbackMode: true }, false, 3).switchToFallback).toBe(false);
  });
});

describe('fallback at the desk', () => {
  async function desk() {
    app = testApp();
    await setupAdmin(app);
    return { cashier: await signInAs(app, 'cashier'), supervisor: await signInAs(app, 'supervisor') };
  }
  const configureServer = (threshold: number) => {
    const ctx = app.context;
    ctx.sqlite.transaction(() => {
      setSetting(ctx, 'companyServerUrl', 'https://fee.example.com');
      setSetting(ctx, 'fallbackAfterFailedChecks', threshold);
    })();
  };

  it('switches to fallback after N failed health reports in a row, not before', async () => {
    const { cashier } = await desk();
    expect(await app.call('shifts.reportHealth', { ok: false }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    configureServer(3);
    expect((await app.must('shifts.healthCheck', {}, cashier)).mode).toBe('online');
    await app.must('shifts.reportHealth', { ok: false }, cashier);
    await app.must('shifts.reportHealth', { ok: true }, cashier);
    await app.must('shifts.reportHealth', { ok: false }, cashier);
    const second = await app.must('shifts.reportHealth', { ok: false }, cashier);
    expect(second).toMatchObject({ mode: 'online', consecutiveFailures: 2, switched: false });
    const third = await app.must('shifts.reportHealth', { ok: false, detail: '连接超时' }, cashier);
    expect(third).toMatchObject({ mode: 'fallback', fallbackMode: true, switched: true, since: '2024-05-15T02:00:00.000Z' });
    expect(third.reason).toContain('连续 3 次');
    // The server coming back does not switch the desk back by itself.
    expect(await app.must('shifts.reportHealth', { ok: true }, cashier)).toMatchObject({ mode: 'fallback', consecutiveFailures: 0 });
  });

  it('is switched on and off by the cashier with a reason, and its payments wait for review', async () => {
    const { cashier, supervisor } = await desk();
    const on = await app.must('shifts.setFallback', { on: true, reason: '停电后恢复，网络未通' }, cashier);
    expect(on).toMatchObject({ mode: 'fallback', reason: '停电后恢复，网络未通' });
    expect(await app.call('shifts.setFallback', { on: true, reason: '再次切换' }, cashier)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const shift = await app.must('shifts.open', { floatFen: 0 }, cashier);
    const flagged = insertPayment(app, { shiftId: shift.id, tenders: [['cash', 12_000]], fallback: true });
    insertPayment(app, { shiftId: shift.id, tenders: [['cash', 8_000]] });
    expect((await app.must('shifts.reviewList', {}, supervisor)).payments.map((p) => p.paymentId)).toEqual([flagged]);
    expect(await app.call('shifts.reviewList', {}, cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const off = await app.must('shifts.setFallback', { on: false, reason: '网络恢复' }, cashier);
    expect(off).toMatchObject({ mode: 'standalone', fallbackMode: false, since: null, reason: '' });
  });

  it('lets nobody review a payment they took themselves', async () => {
    const { supervisor } = await desk();
    const shift = await app.must('shifts.open', { floatFen: 0 }, supervisor);
    const own = insertPayment(app, { shiftId: shift.id, tenders: [['cash', 1_000]], fallback: true });
    expect(await app.call('shifts.markReviewed', { paymentIds: [own] }, supervisor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

import { expect, type APIRequestContext, type Page } from '@playwright/test';
import type { CallInput, CallName, CallOutput, Result } from '../../../src-shared/api';
import { demoUrl, TRAINING_PASSWORD } from './app';

/**
 * Steps of the 查询 screen for composed cashier flows, and a cheap way to post a payment on the
 * training server without the desk: the page's own HTTP bridge, called with the launch token.
 */

/** A signed-in session on the training server's bridge, outside the browser page. */
export interface BridgeSession {
  call<N extends CallName>(name: N, input: CallInput<N>, approvedBy?: string): Promise<CallOutput<N>>;
}

export async function bridgeSession(request: APIRequestContext, username: string): Promise<BridgeSession> {
  const url = new URL(demoUrl());
  const token = bridgeToken();
  const invoke = async (body: object): Promise<Result<unknown>> => {
    // The bridge takes calls only from its own origin with the token, as the page sends them.
    const response = await request.post(`${url.origin}/api/invoke`, { headers: { Origin: url.origin, 'X-FeeDesk-Token': token }, data: body });
    return (await response.json()) as Result<unknown>;
  };
  const login = await invoke({ call: 'auth.login', input: { username, password: TRAINING_PASSWORD } });
  if (!login.ok) throw new Error(`bridge login ${username}: ${login.error.message}`);
  const sessionId = (login.value as { sessionId: string }).sessionId;
  async function call<N extends CallName>(name: N, input: CallInput<N>, approvedBy?: string): Promise<CallOutput<N>> {
    const approval = approvedBy ? { username: approvedBy, password: TRAINING_PASSWORD } : undefined;
    const r = await invoke({ call: name, input, sessionId, approval });
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallOutput<N>;
  }
  return { call };
}

/** The units of building 2 of the first community: the query/day-close engineer's own units. */
export async function building2Units(s: BridgeSession) {
  const communities = await s.call('register.listCommunities', {});
  const first = [...communities].sort((a, b) => a.id - b.id)[0]!;
  const building = first.buildings.find((b) => b.code === '2')!;
  const units = await s.call('register.listUnits', { buildingId: building.id, pageSize: 50 });
  return { communityName: first.name, units: units.items };
}

/**
 * Takes one payment at the bridge, in the cashier's open shift (opened with no float if there is
 * none): the unit's oldest open bill when it has one, else `yuan` into its prepaid account.
 */
export async function postPayment(
  s: BridgeSession,
  p: { unitId: number; payerName: string; method: 'cash' | 'wechat'; yuan: number; key: string; payBill: boolean },
): Promise<{ receiptNo: string; tenderedFen: number }> {
  if ((await s.call('shifts.current', {})).shift === null) await s.call('shifts.open', { floatFen: 0 });
  const account = await s.call('collection.account', { unitId: p.unitId });
  const line = p.payBill ? account.groups.flatMap((g) => g.lines).sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0] : undefined;
  const amountFen = line ? line.outstandingFen + line.lateFeeFen : Math.round(p.yuan * 100);
  const reference = p.method === 'cash' ? '' : `E2E${p.key}`;
  const r = await s.call('collection.collect', {
    idempotencyKey: `e2e-${p.key}`,
    unitId: p.unitId,
    payerName: p.payerName,
    lineIds: line ? [line.lineId] : [],
    tenders: [{ method: p.method, amountFen, reference }],
    ...(line ? {} : { overpayTo: 'prepaid' as const }),
  });
  return { receiptNo: r.receiptNo, tenderedFen: r.tenderedFen };
}

/**
 * The bytes of the next generated file the page fetches from the bridge (a PDF opened in a tab
 * leaves no download). The browser's copy of a blob fetch is not kept, so the test asks again.
 */
export async function nextFileBytes(page: Page, request: APIRequestContext, action: () => Promise<void>): Promise<Buffer> {
  const served = page.waitForResponse((r) => r.url().includes('/api/files/') && r.request().method() === 'GET');
  await action();
  const response = await served;
  expect(response.status()).toBe(200);
  const again = await request.get(response.url(), { headers: { 'X-FeeDesk-Token': bridgeToken() } });
  return again.body();
}

function bridgeToken(): string {
  return new URLSearchParams(new URL(demoUrl()).hash.replace(/^#/, '')).get('token') ?? '';
}

/** F2, the receipt number, Enter: a unique number opens its detail at once. */
export async function findReceipt(page: Page, no: string): Promise<void> {
  await page.keyboard.press('F2');
  const box = page.getByTestId('query-number');
  await expect(box).toBeFocused();
  await box.fill(no);
  await box.press('Enter');
  await expect(page.getByTestId('receipt-number')).toHaveText(no);
}

/** The central approval dialog: the supervisor types their username and password at this desk. */
export async function approveAs(page: Page, supervisor: string): Promise<void> {
  await expect(page.getByTestId('approval-username')).toBeVisible();
  await page.getByTestId('approval-username').fill(supervisor);
  await page.getByTestId('approval-password').fill(TRAINING_PASSWORD);
  await page.getByTestId('approval-submit').click();
  await expect(page.getByTestId('approval-username')).toBeHidden();
}

/** 作废 of the receipt open in the detail, with a reason and the supervisor's approval on the spot. */
export async function voidReceipt(page: Page, p: { reason: string; supervisor: string }): Promise<void> {
  await page.getByTestId('receipt-void').click();
  await expect(page.getByTestId('correction-reason')).toBeFocused();
  await page.getByTestId('correction-reason').fill(p.reason);
  await page.getByTestId('correction-reason').press('Enter');
  await approveAs(page, p.supervisor);
  await expect(page.getByTestId('receipt-status')).toHaveText('作废');
  await expect(page.getByTestId('receipt-void-reason')).toHaveText(p.reason);
}

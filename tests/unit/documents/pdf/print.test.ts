import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachDeskShell } from '../../../../src-main/documents/deskShell';
import { createDeskShell } from '../../../../src-main/electron/print';
import { BrowserWindow, dialog, resetElectronStub } from '../../../stubs/electron';
import { setupAdmin, testApp } from '../../support/testApp';
import { signInAs } from '../../support/users';
import { estate, type Estate } from './support';

let e: Estate;
let receiptId: number;

beforeAll(async () => {
  e = await estate();
  receiptId = (e.app.context.sqlite.prepare('SELECT id FROM receipts WHERE payment_id IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number }).id;
}, 60_000);
afterAll(() => e.app.close());
beforeEach(() => {
  resetElectronStub();
  attachDeskShell(e.app.context, createDeskShell(() => null));
});

const printWindow = () => {
  const windows = BrowserWindow.instances;
  expect(windows).toHaveLength(1);
  return windows[0]!;
};

describe('desktop printing', () => {
  it('prints the receipt PDF silently to the printer in settings, at the 三联 paper size', async () => {
    await e.app.must('settings.update', { receiptLayout: 'triplicate', printerName: 'EPSON LQ-630K', silentPrint: true }, e.admin);
    const result = await e.app.must('documents.printReceipt', { receiptId }, e.cashier);
    expect(result).toEqual({ printed: true, message: '已发送到打印机 EPSON LQ-630K' });
    const window = printWindow();
    expect(window.loadedUrl).toMatch(/^data:application\/pdf;base64,/);
    expect(Buffer.from(window.loadedUrl!.split(',')[1]!, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(window.webContents.printCalls).toEqual([
      { options: { silent: true, deviceName: 'EPSON LQ-630K', printBackground: true, margins: { marginType: 'none' }, pageSize: { width: 241_000, height: 93_000 } } },
    ]);
    expect(window.destroyed).toBe(true);
  });

  it('keeps the print window hidden, sandboxed and without node', async () => {
    await e.app.must('documents.printReceipt', { receiptId }, e.cashier);
    const options = printWindow().options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('shows the print dialog when silent printing is off, at the thermal receipt length', async () => {
    await e.app.must('settings.update', { receiptLayout: 'thermal80', printerName: '', silentPrint: false }, e.admin);
    await e.app.must('documents.printReceipt', { receiptId }, e.cashier);
    const options = printWindow().webContents.printCalls[0]!.options as { silent: boolean; deviceName?: string; pageSize: { width: number; height: number } };
    expect(options.silent).toBe(false);
    expect(options.deviceName).toBeUndefined();
    expect(options.pageSize.width).toBe(80_000);
    expect(options.pageSize.height).toBeGreaterThan(80_000);
  });

  it('reports a failed or cancelled print to the cashier', async () => {
    await e.app.must('settings.update', { silentPrint: false }, e.admin);
    const original = BrowserWindow.prototype.loadURL;
    BrowserWindow.prototype.loadURL = function (this: BrowserWindow, url: string) {
      this.webContents.printOutcome = { success: false, failureReason: 'cancelled' };
      return original.call(this, url);
    };
    try {
      expect(await e.app.must('documents.printReceipt', { receiptId }, e.cashier)).toEqual({ printed: false, message: '已取消打印' });
    } finally {
      BrowserWindow.prototype.loadURL = original;
    }
  });

  it('saves a file where the save dialog says, and nowhere when it is cancelled', async () => {
    const out = await e.app.must('documents.receiptPdf', { receiptId }, e.cashier);
    expect(await e.app.must('documents.saveFile', { fileId: out.file.fileId }, e.cashier)).toEqual({ saved: false, fileName: out.file.fileName });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feedesk-save-'));
    try {
      dialog.saveAnswer = { canceled: false, filePath: path.join(dir, 'r.pdf') };
      expect(await e.app.must('documents.saveFile', { fileId: out.file.fileId }, e.cashier)).toMatchObject({ saved: true });
      expect(fs.readFileSync(path.join(dir, 'r.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      expect(dialog.saveDialogs.at(-1)).toMatchObject({ defaultPath: out.file.fileName, filters: [{ extensions: ['pdf'] }] });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers browser mode (no shell attached) with a clear refusal', async () => {
    const bare = testApp();
    try {
      await setupAdmin(bare);
      const result = await bare.call('documents.printReceipt', { receiptId: 1 }, await signInAs(bare, 'cashier'));
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', message: expect.stringContaining('浏览器') } });
    } finally {
      bare.close();
    }
  });
});

describe('settings', () => {
  it('is for admins only, audited, and refuses a seal that is not a PNG', async () => {
    expect(await e.app.call('settings.get', {}, e.cashier)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const before = (e.app.context.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;
    const s = await e.app.must('settings.update', { companyName: '绿城物业服务集团有限公司' }, e.admin);
    expect(s.companyName).toBe('绿城物业服务集团有限公司');
    const last = e.app.context.sqlite.prepare('SELECT entity, summary FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { entity: string; summary: string };
    expect((e.app.context.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before + 1);
    expect(last.summary).toContain('绿城物业服务集团有限公司');
    const jpeg = await e.app.call('settings.update', { sealImage: 'data:image/jpeg;base64,/9j/4AAQ' }, e.admin);
    expect(jpeg).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    await e.app.must('settings.update', { companyName: '阳光物业服务有限公司' }, e.admin);
  });
});

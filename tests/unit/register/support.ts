import type { CallInput } from '../../../src-shared/api';
import { setupAdmin, testApp, type TestApp } from '../support/testApp';

export interface RegisterWorld {
  app: TestApp;
  admin: string;
  communityId: number;
  buildingId: number;
  unit(code: string, extra?: Partial<CallInput<'register.createUnit'>>): Promise<number>;
  /** Row counts of the register's tables and the audit log, to show a refusal changed nothing. */
  counts(): Record<string, number>;
}

const TABLES = ['communities', 'buildings', 'units', 'customers', 'unit_customers', 'parking_spaces', 'meters', 'meter_readings', 'audit_log'];

/** A ledger with an admin, community 阳光花园 and its building 3. */
export async function registerWorld(): Promise<RegisterWorld> {
  const app = testApp();
  const admin = await setupAdmin(app);
  const { id: communityId } = await app.must('register.createCommunity', { code: 'YGHY', name: '阳光花园' }, admin);
  const { id: buildingId } = await app.must('register.createBuilding', { communityId, code: '3', name: '3号楼' }, admin);
  return {
    app,
    admin,
    communityId,
    buildingId,
    async unit(code, extra = {}) {
      const input = { buildingId, code, buildingArea: '89.5', use: 'residential', status: 'occupied', ...extra } as const;
      return (await app.must('register.createUnit', input, admin)).id;
    },
    counts() {
      return Object.fromEntries(
        TABLES.map((t) => [t, app.context.sqlite.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number]),
      );
    },
  };
}

import { m0001Init } from './0001_init';
import { m0002Ledger } from './0002_ledger';
import { m0003Access } from './0003_access';
import { m0004Followups } from './0004_followups';
import { m0005ArrearsRollup } from './0005_arrears_rollup';
import type { Migration } from './types';

/** Registered statically so a bundled app cannot miss one; order is the version order. */
export const migrations: readonly Migration[] = [m0001Init, m0002Ledger, m0003Access, m0004Followups, m0005ArrearsRollup];

export type { Migration } from './types';

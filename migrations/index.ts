import { m0001Init } from './0001_init';
import { m0002Ledger } from './0002_ledger';
import { m0003Access } from './0003_access';
import type { Migration } from './types';

/** Registered statically so a bundled app cannot miss one; order is the version order. */
export const migrations: readonly Migration[] = [m0001Init, m0002Ledger, m0003Access];

export type { Migration } from './types';

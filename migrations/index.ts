import { m0001Init } from './0001_init';
import { m0002Ledger } from './0002_ledger';
import type { Migration } from './types';

/** Registered statically so a bundled app cannot miss one; order is the version order. */
export const migrations: readonly Migration[] = [m0001Init, m0002Ledger];

export type { Migration } from './types';

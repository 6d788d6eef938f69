import type { Generated } from 'kysely';
import type { LedgerTables } from './ledgerSchema';

/** Kysely's view of the foundation tables of migrations/0001_init.ts. */
export interface MetaTable {
  key: string;
  value: string;
}

export interface RoleTable {
  code: string;
  name: string;
}

export interface RolePermissionTable {
  role_code: string;
  permission: string;
}

export interface UserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role_code: string;
  must_change_password: number;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  recovery_code_hash: string | null;
}

export interface SessionTable {
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  ended_at: string | null;
  locked: Generated<number>;
}

export interface UserCommunityTable {
  user_id: number;
  community_id: number;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  user_id: number | null;
  call: string;
  entity: string;
  summary: string;
  prev_hash: string;
  hash: string;
}

export interface DB extends LedgerTables {
  meta: MetaTable;
  roles: RoleTable;
  role_permissions: RolePermissionTable;
  users: UserTable;
  sessions: SessionTable;
  user_communities: UserCommunityTable;
  audit_log: AuditLogTable;
}

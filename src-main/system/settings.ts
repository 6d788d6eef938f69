import { z } from 'zod';
import type { AppContext } from '../app/context';
import { getMeta, setMeta } from './meta';

/**
 * Company settings that RULES.md says vary by city or contract, with their defaults. Stored in
 * `meta` as JSON under `setting.<key>`; read through here so every default lives in one place.
 */
export const settingsSchema = z.object({
  /** RULES §1: business dates are in this zone. */
  timeZone: z.string().default('Asia/Shanghai'),
  /** RULES §4: property fees start the month after delivery, or pro-rated by days. */
  deliveryProration: z.enum(['next_month', 'by_days']).default('next_month'),
  /** RULES §6: a waiver above this needs a supervisor's approval. */
  waiverApprovalThresholdFen: z.number().int().nonnegative().default(10_000),
  /** RULES §6: paying ahead beyond this many months is warned about. */
  prepaidWarningMonths: z.number().int().positive().default(12),
  /** RULES §7: consecutive failed health checks before switching to fallback. */
  fallbackAfterFailedChecks: z.number().int().positive().default(3),
  companyServerUrl: z.string().default(''),
  fallbackMode: z.boolean().default(false),
  backupDir: z.string().default(''),
  backupKeep: z.number().int().positive().default(14),
  /** Issue 4: wrong passwords in a row before an account locks, and for how long. */
  lockoutThreshold: z.number().int().positive().default(5),
  lockoutMinutes: z.number().int().positive().default(15),
  /** Issue 4: a session idle this long asks for the password again. */
  idleLockMinutes: z.number().int().positive().default(10),
  /** RULES §6 receipt forms: A4, 241×93 mm three-part continuous, 80 mm thermal. */
  receiptLayout: z.enum(['a4', 'triplicate', 'thermal80']).default('a4'),
  /** The desktop printer receipts go to; '' = the system's default printer. */
  printerName: z.string().default(''),
  silentPrint: z.boolean().default(false),
  /** The company seal printed on receipts: a PNG data URL, '' for none (stamped by hand). */
  sealImage: z.string().default(''),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export function getSettings(app: AppContext): Settings {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(settingsSchema.shape)) {
    const stored = getMeta(app, `setting.${key}`);
    if (stored !== null) raw[key] = JSON.parse(stored);
  }
  return settingsSchema.parse(raw);
}

/** Must run inside the caller's write transaction. */
export function setSetting<K extends SettingKey>(app: AppContext, key: K, value: Settings[K]): void {
  const checked = settingsSchema.shape[key].parse(value);
  setMeta(app, `setting.${key}`, JSON.stringify(checked));
}

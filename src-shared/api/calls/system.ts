import { z } from 'zod';
import { call } from '../define';

export const systemCalls = {
  'system.bootstrap': call({
    input: z.object({}).strict(),
    output: z.object({
      setupDone: z.boolean(),
      companyName: z.string().nullable(),
      appVersion: z.string(),
      training: z.boolean(),
    }),
    access: 'public',
    mutates: false,
  }),
  'system.status': call({
    input: z.object({}).strict(),
    output: z.object({
      databaseFile: z.string(),
      schemaVersion: z.number().int(),
      appSchemaVersion: z.number().int(),
      businessDate: z.string(),
      timeZone: z.string(),
      tables: z.array(z.object({ table: z.string(), rows: z.number().int().nonnegative() })),
    }),
    access: 'system.status',
    mutates: false,
  }),
};

import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';

/** A real calendar date: '2024-02-30' has the right shape and is still refused. */
export const isoDate = z.string().refine(isValidIsoDate, '日期格式应为 YYYY-MM-DD，且须是有效日期');

import type { z } from 'zod';
import type { Access } from './permissions';

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  /** Mutating calls are audited once per call and never retried blindly by the client. */
  mutates: boolean;
  /**
   * A supervisor may lend this call's permission on the spot (RULES §10): the request carries
   * their credentials in `InvokeRequest.approval` and both users are recorded.
   */
  approvable?: boolean;
}

/** Keeps each call's literal schema types while checking the shape of the spec. */
export function call<I extends z.ZodType, O extends z.ZodType>(spec: CallSpec<I, O>): CallSpec<I, O> {
  return spec;
}

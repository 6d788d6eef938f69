import { defaultMessages, type ErrorCode } from '../../src-shared/api';

/** Thrown by services for an expected refusal; the router turns it into a Result. */
export class AppFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
  ) {
    super(message ?? defaultMessages[code]);
  }
}

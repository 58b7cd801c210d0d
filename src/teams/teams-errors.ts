/** Errors of the Teams edge: a stable code, what happened, and what the operator should do. */
export type TeamsErrorCode =
  | 'no_reference'
  | 'not_configured'
  | 'wrong_platform'
  | 'connector_failed'
  | 'connector_timeout'
  | 'sdk_setup';

export class TeamsError extends Error {
  constructor(
    readonly code: TeamsErrorCode,
    message: string,
    readonly fix: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TeamsError';
  }
}

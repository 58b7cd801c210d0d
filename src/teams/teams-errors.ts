import { AppError } from '../core/app-error';

/** Errors of the Teams edge: a stable code, what happened, and what the operator should do. */
export type TeamsErrorCode =
  | 'no_reference'
  | 'not_configured'
  | 'wrong_platform'
  | 'connector_failed'
  | 'connector_timeout'
  | 'sdk_setup';

export class TeamsError extends AppError<TeamsErrorCode> {
  override name = 'TeamsError';
}

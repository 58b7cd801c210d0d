import { AppError } from '../core/app-error';

/** Slack is configured but cannot start. Says which variable to fix; never echoes its value. */
export class SlackStartError extends AppError<'slack_auth_failed' | 'slack_socket_failed'> {
  constructor(code: 'slack_auth_failed' | 'slack_socket_failed', fix: string, cause: unknown) {
    const reason = (cause as { data?: { error?: string } })?.data?.error ?? (cause as Error)?.message ?? String(cause);
    super(code, `Slack could not start (${reason})`, fix, { cause });
    this.name = 'SlackStartError';
  }
}

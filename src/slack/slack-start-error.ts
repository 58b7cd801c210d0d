/** Slack is configured but cannot start. Says which variable to fix; never echoes its value. */
export class SlackStartError extends Error {
  readonly code: string;
  readonly fix: string;
  constructor(code: 'slack_auth_failed' | 'slack_socket_failed', fix: string, cause: unknown) {
    const reason = (cause as { data?: { error?: string } })?.data?.error ?? (cause as Error)?.message ?? String(cause);
    super(`Slack could not start (${reason}). ${fix}`, { cause });
    this.name = 'SlackStartError';
    this.code = code;
    this.fix = fix;
  }
}

import { z } from 'zod';
import { booleanFlag, commaList, httpUrl, oneOf, optionalString, wholeNumber } from './env-helpers';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const IDENTITY_SOURCES = ['identity-center', 'external-idp', 'active-directory'] as const;

/**
 * Every environment variable the assistant reads, in one schema. `.env.example` documents each;
 * `npm start -- --check-config` validates without starting. Empty values count as unset for
 * every variable (`.env` files and hosts often export `FOO=`), so each field takes a string or
 * nothing and supplies its own default.
 */
export const envSchema = z.object({
  /** 0 picks a free port (tests); empty is the default, never "any port". */
  PORT: wholeNumber(3000, 65_535),
  /** Loopback by default: the console and health routes stay on this machine unless HOST says otherwise. */
  HOST: optionalString.transform((v) => v ?? '127.0.0.1'),
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  KNOWLEDGE_DIRS: commaList,
  CONSOLE_ENABLED: optionalString,
  /** Shared secret the console asks for when it listens beyond loopback. */
  CONSOLE_TOKEN: optionalString,
  PUBLIC_URL: httpUrl,

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: httpUrl,
  SLACK_WATCH_CHANNELS: commaList,
  SLACK_SUPPORT_CHANNEL: optionalString,

  TEAMS_APP_ID: optionalString,
  TEAMS_APP_PASSWORD: optionalString,
  TEAMS_TENANT_ID: optionalString,
  TEAMS_ALLOW_ANONYMOUS: booleanFlag(false),
  TEAMS_SUPPORT_CONVERSATION: optionalString,
  TEAMS_CERTIFICATE_PEM_FILE: optionalString,
  TEAMS_CERTIFICATE_KEY_FILE: optionalString,
  TEAMS_AUTHORITY: httpUrl,

  AWS_REGION: optionalString,
  IDC_IDENTITY_STORE_ID: optionalString,
  IDC_INSTANCE_ARN: optionalString,
  IDC_ACS_URL: httpUrl,
  IDC_ABAC_ENABLED: optionalString,
  IDC_IDENTITY_SOURCE: oneOf(IDENTITY_SOURCES),
  AWS_CALL_TIMEOUT_MS: wholeNumber(5_000, 60_000, 100),
  TRAIL_DAYS: wholeNumber(7, 90, 1),

  LOOKUP_ALLOWED_USERS: commaList,
  LOOKUP_ALLOWED_SLACK_GROUPS: commaList,
  LOOKUP_SELF_SERVICE: booleanFlag(false),
  PRIVATE_SUPPORT_CHANNELS: commaList,

  /** Who works escalations besides the members of the support channel. */
  SUPPORT_USERS: commaList,
  SUPPORT_SLACK_GROUPS: commaList,

  DATABASE_URL: optionalString,
  DATA_DIR: optionalString,
  /** Remind the support team of escalations unclaimed this long; 0 turns reminders off. At most a week. */
  ESCALATION_REMIND_MINUTES: wholeNumber(30, 10_080),

  WATCH_CHANNEL: optionalString,
  WATCH_TEAMS_CONVERSATION: optionalString,
  WATCH_INTERVAL_MINUTES: wholeNumber(5, 1_440),
  WATCH_SIGNIN_FAILURES: wholeNumber(5, 10_000),
});

export type Env = z.infer<typeof envSchema>;

/**
 * Parses each variable on its own so that one bad value does not hide the next: every problem is
 * listed, and a variable that failed takes its default so the cross-variable checks still run.
 */
export function parseEnv(source: NodeJS.ProcessEnv): { env: Env; problems: string[] } {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(envSchema.shape) as Array<[string, z.ZodType]>) {
    const parsed = field.safeParse(source[name]);
    if (parsed.success) {
      out[name] = parsed.data;
    } else {
      problems.push(...parsed.error.issues.map((i) => `${name}: ${i.message}`));
      out[name] = field.parse(undefined);
    }
  }
  return { env: out as Env, problems };
}

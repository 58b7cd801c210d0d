import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinKnowledgeDir, projectRoot } from '../paths';
import type { LookupPolicy } from '../core/checks/authorize-lookup';
import type { SupportPolicy } from '../core/escalations/support-team';
import { ConfigError } from './config-error';
import { consoleSettings, type ConsoleConfig } from './console-settings';
import { parseEnv, type Env } from './env-schema';

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  watchChannels: string[];
  supportChannel?: string;
}

export interface TeamsConfig {
  appId?: string;
  appPassword?: string;
  tenantId?: string;
  allowAnonymous: boolean;
  supportConversation?: string;
  /** Certificate credentials instead of the secret (PEM files of the app registration's certificate). */
  certificatePemFile?: string;
  certificateKeyFile?: string;
  /** Entra authority; default https://login.microsoftonline.com (US Government: https://login.microsoftonline.us). */
  authority?: string;
  /** Not read from the environment: tests and benches shorten the edge's timeouts (milliseconds). */
  timeouts?: { firstReplyMs?: number; connectorMs?: number; authMs?: number };
}

export interface AwsConfig {
  region: string;
  identityStoreId: string;
  instanceArn?: string;
  /** Where users come from; decides whether a non-e-mail user name is a problem. Unset: unknown. */
  identitySource?: 'identity-center' | 'external-idp' | 'active-directory';
  /** Timeout of each AWS call, in milliseconds. */
  callTimeoutMs: number;
  /** CloudTrail look-back for `trail`, in days (CloudTrail keeps 90). */
  trailDays: number;
}

/** Offline SAML linting: the instance's ACS URL, and whether attributes for access control are on (unset: judged per response). */
export interface SamlConfig {
  acsUrl?: string;
  abac?: boolean;
}

export type { ConsoleConfig } from './console-settings';

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  logLevel: NonNullable<Env['LOG_LEVEL']>;
  /** Built-in articles first, then operators' own directories. */
  knowledgeDirs: string[];
  console: ConsoleConfig;
  publicUrl?: string;
  slack?: SlackConfig;
  teams?: TeamsConfig;
  aws?: AwsConfig;
  saml: SamlConfig;
  /** Who may run live lookups on whom; default deny. */
  lookup: LookupPolicy;
  store: StoreConfig;
  escalations: { remindMinutes: number };
  support: SupportPolicy;
  /** The CloudTrail watcher; absent (off) unless a destination is set and live checks are configured. */
  watch?: WatchConfig;
  /** Watcher settings that also apply to `watch --once` (no destination needed). */
  watchTuning: { intervalMinutes: number; signinFailures: number };
}

export interface WatchConfig {
  /** WATCH_CHANNEL: Slack channel id for the digest. */
  slackChannel?: string;
  /** WATCH_TEAMS_CONVERSATION: Teams conversation id for the digest. */
  teamsConversation?: string;
  intervalMinutes: number;
  /** Failed sign-in steps per user in one interval that make a finding. */
  signinFailures: number;
}

/** Parses and checks the environment once, at the edge. Throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const { env: e, problems } = parseEnv(env);

  let slack: SlackConfig | undefined;
  if (e.SLACK_BOT_TOKEN || e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN) {
    if (!e.SLACK_BOT_TOKEN) problems.push('SLACK_BOT_TOKEN: required when other SLACK_ variables are set (the xoxb- token from "OAuth & Permissions")');
    else if (!e.SLACK_BOT_TOKEN.startsWith('xoxb-')) problems.push('SLACK_BOT_TOKEN: must be a bot token starting with xoxb-');
    if (!e.SLACK_SIGNING_SECRET) problems.push('SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set ("Basic Information" → "Signing Secret")');
    if (e.SLACK_APP_TOKEN && !e.SLACK_APP_TOKEN.startsWith('xapp-')) problems.push('SLACK_APP_TOKEN: must be an app-level token starting with xapp- (Socket Mode)');
    if (e.SLACK_BOT_TOKEN && e.SLACK_SIGNING_SECRET) {
      slack = {
        botToken: e.SLACK_BOT_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        appToken: e.SLACK_APP_TOKEN,
        apiUrl: e.SLACK_API_URL,
        watchChannels: e.SLACK_WATCH_CHANNELS,
        supportChannel: e.SLACK_SUPPORT_CHANNEL,
      };
    }
  } else if (e.SLACK_WATCH_CHANNELS.length > 0 || e.SLACK_SUPPORT_CHANNEL) {
    problems.push('SLACK_BOT_TOKEN: required when SLACK_WATCH_CHANNELS or SLACK_SUPPORT_CHANNEL is set');
  }

  let teams: TeamsConfig | undefined;
  if (e.TEAMS_APP_ID || e.TEAMS_APP_PASSWORD || e.TEAMS_TENANT_ID || e.TEAMS_ALLOW_ANONYMOUS) {
    if (!e.TEAMS_ALLOW_ANONYMOUS) {
      if (!e.TEAMS_APP_ID) problems.push('TEAMS_APP_ID: required for Teams (the Azure Bot app registration id), or set TEAMS_ALLOW_ANONYMOUS=true for local use');
      const certificate = e.TEAMS_CERTIFICATE_PEM_FILE || e.TEAMS_CERTIFICATE_KEY_FILE;
      if (!e.TEAMS_APP_PASSWORD && !certificate) problems.push('TEAMS_APP_PASSWORD: required when TEAMS_APP_ID is set (client secret of the app registration), unless TEAMS_CERTIFICATE_PEM_FILE and TEAMS_CERTIFICATE_KEY_FILE are set');
      if (certificate && !(e.TEAMS_CERTIFICATE_PEM_FILE && e.TEAMS_CERTIFICATE_KEY_FILE)) problems.push('TEAMS_CERTIFICATE_PEM_FILE: set both TEAMS_CERTIFICATE_PEM_FILE and TEAMS_CERTIFICATE_KEY_FILE to use a certificate');
      for (const name of ['TEAMS_CERTIFICATE_PEM_FILE', 'TEAMS_CERTIFICATE_KEY_FILE'] as const) {
        if (e[name] && !existsSync(e[name])) problems.push(`${name}: no such file`);
      }
      if (!e.TEAMS_TENANT_ID) problems.push('TEAMS_TENANT_ID: required when TEAMS_APP_ID is set (the Entra tenant id)');
    }
    teams = {
      appId: e.TEAMS_APP_ID,
      appPassword: e.TEAMS_APP_PASSWORD,
      tenantId: e.TEAMS_TENANT_ID,
      allowAnonymous: e.TEAMS_ALLOW_ANONYMOUS,
      supportConversation: e.TEAMS_SUPPORT_CONVERSATION,
      certificatePemFile: e.TEAMS_CERTIFICATE_PEM_FILE,
      certificateKeyFile: e.TEAMS_CERTIFICATE_KEY_FILE,
      authority: e.TEAMS_AUTHORITY?.replace(/\/+$/, ''),
    };
  }

  let aws: AwsConfig | undefined;
  if (e.IDC_IDENTITY_STORE_ID || e.IDC_INSTANCE_ARN) {
    if (!e.AWS_REGION) problems.push('AWS_REGION: required when IDC_IDENTITY_STORE_ID or IDC_INSTANCE_ARN is set');
    if (!e.IDC_IDENTITY_STORE_ID) problems.push('IDC_IDENTITY_STORE_ID: required for live checks (d-xxxxxxxxxx, shown in the IAM Identity Center settings)');
    else if (!/^(d-[0-9a-f]{10}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.test(e.IDC_IDENTITY_STORE_ID)) {
      problems.push('IDC_IDENTITY_STORE_ID: must look like d-1234567890 (ten hex digits)');
    }
    if (e.IDC_INSTANCE_ARN && !/^arn:aws[a-z-]*:sso:::instance\/(sso)?ins-[a-zA-Z0-9-.]{16}$/.test(e.IDC_INSTANCE_ARN)) {
      problems.push('IDC_INSTANCE_ARN: must look like arn:aws:sso:::instance/ssoins-1234567890abcdef');
    }
    if (e.AWS_REGION && e.IDC_IDENTITY_STORE_ID) {
      aws = {
        region: e.AWS_REGION,
        identityStoreId: e.IDC_IDENTITY_STORE_ID,
        instanceArn: e.IDC_INSTANCE_ARN,
        identitySource: e.IDC_IDENTITY_SOURCE,
        callTimeoutMs: e.AWS_CALL_TIMEOUT_MS,
        trailDays: e.TRAIL_DAYS,
      };
    }
  }

  const saml: SamlConfig = {};
  if (e.IDC_ACS_URL) {
    if (/^https:\/\/([a-z0-9-]+\.)?signin\.aws\.amazon\.com\/saml\/?$/i.test(e.IDC_ACS_URL)) {
      problems.push("IDC_ACS_URL: that is the IAM SAML endpoint; use IAM Identity Center's ACS URL (Settings → Identity source → Manage authentication), like https://us-east-1.signin.aws.amazon.com/platform/saml/acs/…");
    } else saml.acsUrl = e.IDC_ACS_URL;
  }
  if (e.IDC_ABAC_ENABLED !== undefined) {
    const v = e.IDC_ABAC_ENABLED.toLowerCase();
    if (!['true', 'false', '1', '0'].includes(v)) problems.push('IDC_ABAC_ENABLED: must be true or false (or unset to judge each response by its attributes)');
    else saml.abac = v === 'true' || v === '1';
  }

  let store: StoreConfig;
  if (e.DATABASE_URL) {
    if (!/^postgres(ql)?:\/\//.test(e.DATABASE_URL)) problems.push('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    store = { kind: 'postgres', url: e.DATABASE_URL };
  } else {
    store = { kind: 'sqlite', file: resolve(e.DATA_DIR ?? resolve(projectRoot, 'data'), 'idc-assistant.sqlite') };
  }

  const consoleConfig = consoleSettings(e, !slack && !teams, problems);
  if (e.SUPPORT_SLACK_GROUPS.length > 0 && !slack) problems.push('SUPPORT_SLACK_GROUPS: needs Slack (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET) to look up group members');

  const watchTuning = { intervalMinutes: e.WATCH_INTERVAL_MINUTES, signinFailures: e.WATCH_SIGNIN_FAILURES };
  if (watchTuning.intervalMinutes < 1) problems.push('WATCH_INTERVAL_MINUTES: must be at least 1 (minutes between two CloudTrail reads)');
  if (watchTuning.signinFailures < 1) problems.push('WATCH_SIGNIN_FAILURES: must be at least 1 (failed sign-ins per user in one interval)');
  let watch: WatchConfig | undefined;
  if (e.WATCH_CHANNEL || e.WATCH_TEAMS_CONVERSATION) {
    if (e.WATCH_CHANNEL && !/^[CG][A-Z0-9]{6,}$/.test(e.WATCH_CHANNEL)) problems.push('WATCH_CHANNEL: must be a Slack channel id like C0123ABCD (channel details → About), not a channel name');
    if (e.WATCH_CHANNEL && !slack) problems.push('WATCH_CHANNEL: needs Slack (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)');
    if (e.WATCH_TEAMS_CONVERSATION && !teams) problems.push('WATCH_TEAMS_CONVERSATION: needs Teams (set TEAMS_APP_ID, TEAMS_APP_PASSWORD and TEAMS_TENANT_ID)');
    if (!aws) problems.push('WATCH_CHANNEL / WATCH_TEAMS_CONVERSATION: the watcher reads CloudTrail: set AWS_REGION and IDC_IDENTITY_STORE_ID (live checks)');
    watch = { slackChannel: e.WATCH_CHANNEL, teamsConversation: e.WATCH_TEAMS_CONVERSATION, ...watchTuning };
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL ?? 'info',
    knowledgeDirs: [builtinKnowledgeDir, ...e.KNOWLEDGE_DIRS.map((d) => resolve(d))],
    console: consoleConfig,
    publicUrl: e.PUBLIC_URL,
    slack,
    teams,
    aws,
    saml,
    lookup: {
      allowedUsers: e.LOOKUP_ALLOWED_USERS,
      allowedGroups: e.LOOKUP_ALLOWED_SLACK_GROUPS,
      selfService: e.LOOKUP_SELF_SERVICE,
      privateSupportChannels: e.PRIVATE_SUPPORT_CHANNELS,
    },
    store,
    escalations: { remindMinutes: e.ESCALATION_REMIND_MINUTES },
    watch,
    watchTuning,
    support: { users: e.SUPPORT_USERS, slackGroups: e.SUPPORT_SLACK_GROUPS },
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHECK_NAMES } from '../../src/knowledge/article';
import { parseArticle } from '../../src/knowledge/parse-article';
import { projectRoot } from '../../src/paths';
import { fixturesDir, shippedArticles } from '../helpers/builders';

/** The ids issue 2 requires, one per problem on the source troubleshooting page. */
const REQUIRED = [
  'saml-assertion-debug',
  'scim-sync-user-fails',
  'upn-signin-mfa',
  'protected-role-awsreservedsso',
  'directory-password-reset',
  'stale-principal-after-recreate',
  'cloud-app-config',
  'external-idp-unexpected-error',
  'abac-enable-failed',
  'mfa-browser-not-supported',
  'ad-domain-users-group',
  'invalid-mfa-credentials',
  'totp-unexpected-error',
  'emails-not-received',
  'delegated-admin-management-account',
];

const articles = shippedArticles();
// The page as the brief shipped it, and the current page (kb-fidelity saved it as a source copy): headings follow the current one.
const source = [
  readFileSync(join(fixturesDir, 'source', 'troubleshooting-iam-identity-center.txt'), 'utf8'),
  readFileSync(join(projectRoot, 'knowledge', 'sources', 'troubleshooting-current.txt'), 'utf8'),
]
  .join('\n')
  .toLowerCase();

describe('the shipped knowledge base', () => {
  it('has every required article', () => {
    expect(articles.map((a) => a.id)).toEqual(expect.arrayContaining(REQUIRED));
  });

  it.each(articles.map((a) => [a.id, a] as const))('%s is complete: cause, 3+ numbered steps, when to escalate, checks', (_id, a) => {
    expect(a.summary.length).toBeGreaterThan(30);
    expect(a.steps.length).toBeGreaterThanOrEqual(3);
    expect(a.escalate.length).toBeGreaterThan(30);
    expect(a.symptoms.length).toBeGreaterThanOrEqual(3);
    for (const c of a.checks) expect(CHECK_NAMES).toContain(c);
  });

  it('names the source page section of each required article as it is written there', () => {
    const plain = (s: string) => s.toLowerCase().replace(/[‘’“”"']/g, '').replace(/\s+/g, ' ');
    for (const a of articles.filter((x) => REQUIRED.includes(x.id))) {
      expect(plain(source)).toContain(plain(a.section));
    }
  });

  it('marks where each extra article comes from: the current troubleshooting page, or another AWS guide it cites first', () => {
    for (const a of articles.filter((x) => !REQUIRED.includes(x.id))) {
      if (/\(current AWS troubleshooting page\)$/.test(a.section)) continue;
      expect([a.id, a.section]).toEqual([a.id, expect.stringMatching(/\((IAM Identity Center User Guide|IAM Identity Center API Reference|IAM Identity Center SCIM Implementation Developer Guide|AWS CLI User Guide)\)$/)]);
      expect([a.id, a.sources[0]?.url]).toEqual([a.id, expect.stringMatching(/^https:\/\/docs\.aws\.amazon\.com\//)]);
    }
  });

  it('points the CloudTrail events the brief names at the right articles', () => {
    const byEvent = (name: string, error?: string) =>
      articles.filter((a) => a.events.some((e) => e.name === name && (error === undefined || e.error === error))).map((a) => a.id);
    expect(byEvent('ExternalIdPDirectoryLogin')).toEqual(['external-idp-unexpected-error']);
    expect(byEvent('*', 'ValidationException')).toEqual(['scim-sync-user-fails']);
    expect(byEvent('*', 'ConflictException')).toEqual(['scim-duplicate-conflict']);
  });

  it('keeps each signature to one article, except the error text two problems really share', () => {
    const owners = new Map<string, string[]>();
    for (const a of articles) for (const s of a.signatures) owners.set(s.toLowerCase(), [...(owners.get(s.toLowerCase()) ?? []), a.id]);
    const shared = [...owners].filter(([, ids]) => ids.length > 1);
    expect(shared).toEqual([
      ['an unexpected error has occurred', ['external-idp-unexpected-error', 'totp-unexpected-error']],
      // The body of the "It's not you, it's us" page, and what users see alone after a failed external IdP redirect.
      ["we couldn't complete your request right now", ['external-idp-unexpected-error', 'its-not-you-its-us']],
    ]);
  });

  it('is documented in the README', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(readme).toMatch(/excludes/);
    expect(readme).toMatch(/holdout\.jsonl/);
    expect(readme).toMatch(/knowledge\/examples/);
  });
});

describe('the article format additions', () => {
  const valid = `---
id: my-article
title: "A title"
section: "A section"
symptoms: ["users cannot sign in"]
events:
  - name: "*"
    source: identitystore-scim.amazonaws.com
    error: ConflictException
excludes: ["AWSServiceRoleFor"]
---
## Cause
Because.

## Steps
1. Do this.

## When to escalate
Later.
`;

  it('accepts events by errorCode with name "*" and excludes', () => {
    const a = parseArticle('x.md', valid);
    expect(a.events).toEqual([{ name: '*', source: 'identitystore-scim.amazonaws.com', error: 'ConflictException' }]);
    expect(a.excludes).toEqual(['AWSServiceRoleFor']);
  });

  it.each([
    ['an event "*" without a source', valid.replace('    source: identitystore-scim.amazonaws.com\n', ''), 'x.md: events.0.source: name "*" needs a source'],
    ['an exclude phrase too short to be safe', valid.replace('["AWSServiceRoleFor"]', '["aws"]'), 'x.md: excludes.0: an exclude phrase needs at least 4 characters'],
  ])('names file and field for %s', (_name, text, expected) => {
    expect(() => parseArticle('x.md', text)).toThrow(expected);
  });
});

import { looksLikeCommand, parseCommand } from '../../../src/core/commands/parse-command';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help', topic: undefined }],
    ['', { name: 'help', topic: undefined }],
    ['check user alice@example.com', { name: 'live', check: 'user', subject: 'alice@example.com', self: false }],
    ['CHECK  User   bob', { name: 'live', check: 'user', subject: 'bob', self: false }],
    ['check assignments Domain Guests', { name: 'live', check: 'assignments', subject: 'Domain Guests', self: false }],
    ['check me', { name: 'live', check: 'user', subject: '', self: true }],
    ['/check User ME', { name: 'live', check: 'user', subject: '', self: true }],
    ['check saml PHNhbWxwOlJlc3BvbnNl', { name: 'check', kind: 'saml', subject: 'PHNhbWxwOlJlc3BvbnNl' }],
    ['check scim', { name: 'check', kind: 'scim', subject: '' }],
    ['trail alice', { name: 'live', check: 'trail', subject: 'alice', self: false }],
    ['escalate users still locked out', { name: 'escalate', note: 'users still locked out' }],
    ['escalations', { name: 'escalations' }],
    ['kb Protected-Role-AWSReservedSSO', { name: 'kb', articleId: 'protected-role-awsreservedsso' }],
    ['ask why is this failing', { name: 'ask', text: 'why is this failing' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text, 'line')).toEqual(expected);
  });

  it('explains what a check needs', () => {
    expect(parseCommand('check user', 'line')).toMatchObject({ name: 'unknown', problem: 'check user needs a user name or e-mail' });
    expect(parseCommand('check dns x', 'line')).toMatchObject({ name: 'unknown', problem: expect.stringContaining('user, assignments, saml, scim') });
    expect(parseCommand('check dns x', 'line')).toMatchObject({ problem: expect.stringMatching(/, me$/) });
    expect(parseCommand('trail', 'line')).toMatchObject({ name: 'unknown', word: 'trail', problem: 'trail needs a user name or e-mail' });
    expect(parseCommand('check me please', 'line')).toMatchObject({ name: 'unknown', word: 'check me' });
  });

  it('treats an unknown short command line as unknown, a pasted error as a question', () => {
    expect(parseCommand('frobnicate', 'line')).toMatchObject({ name: 'unknown', word: 'frobnicate' });
    expect(parseCommand('Cannot perform the operation on the protected role', 'line')).toMatchObject({ name: 'ask' });
    expect(parseCommand('frobnicate', 'message')).toMatchObject({ name: 'ask' });
  });

  it('recognises command words at the start of a message only', () => {
    expect(looksLikeCommand('check user bob')).toBe(true);
    expect(looksLikeCommand('please check why bob fails')).toBe(false);
  });
});

describe('parseCommand: escalation', () => {
  it.each([
    ['escalation claim ESC-1001', { name: 'escalation', verb: 'claim', id: 'ESC-1001', text: '' }],
    ['escalation Resolve esc-1042  Re-synced the user, fixed mapping', { name: 'escalation', verb: 'resolve', id: 'ESC-1042', text: 'Re-synced the user, fixed mapping' }],
    ['escalation reopen 1001 broke again', { name: 'escalation', verb: 'reopen', id: 'ESC-1001', text: 'broke again' }],
    ['escalation show ESC-7', { name: 'escalation', verb: 'show', id: 'ESC-7', text: '' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text, 'line')).toEqual(expected);
  });

  it.each([
    ['escalation', /escalation needs claim, resolve, reopen, show/],
    ['escalation close ESC-1001', /escalation needs claim, resolve, reopen, show/],
    ['escalation claim', /needs an escalation id like ESC-1001/],
    ['escalation claim ESC-10x1', /needs an escalation id like ESC-1001/],
  ])('explains %j', (text, problem) => {
    expect(parseCommand(text, 'line')).toMatchObject({ name: 'unknown', problem: expect.stringMatching(problem) });
  });

  it('is a command at the start of a mention', () => {
    expect(looksLikeCommand('escalation claim ESC-1001')).toBe(true);
  });
});

import { looksLikeCommand, parseCommand } from '../../src/core/parse-command';

describe('parseCommand', () => {
  it.each([
    ['help', { name: 'help', topic: undefined }],
    ['', { name: 'help', topic: undefined }],
    ['check user alice@example.com', { name: 'check', kind: 'user', subject: 'alice@example.com' }],
    ['CHECK  User   bob', { name: 'check', kind: 'user', subject: 'bob' }],
    ['check saml PHNhbWxwOlJlc3BvbnNl', { name: 'check', kind: 'saml', subject: 'PHNhbWxwOlJlc3BvbnNl' }],
    ['check scim', { name: 'check', kind: 'scim', subject: '' }],
    ['trail alice', { name: 'trail', subject: 'alice' }],
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

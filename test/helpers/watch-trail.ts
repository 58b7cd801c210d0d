import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLenientJson } from '../../src/checks/aws/parse-lenient-json';
import { fixturesDir } from './builders';
import { awsError, type FakeHandler } from './fake-aws-json';

/**
 * CloudTrail records for the watcher's tests, made from the real fixture records in
 * test/fixtures/cloudtrail. AWS's published examples mask times, event ids and resource ids
 * ("xxxx"); the builders fill those in, and a few derive a record the fixtures lack from the
 * closest real one (a SCIM DeleteUser from the SCIM PatchUser record, a failed
 * CreateAccountAssignment from the sso.amazonaws.com console record), changing only the named fields.
 */
export interface TrailRecord {
  source: string;
  time: Date;
  id: string;
  text: string;
}

type Obj = Record<string, any>;

export function fixtureRecord(file: string): Obj {
  const v = parseLenientJson(readFileSync(join(fixturesDir, 'cloudtrail', file), 'utf8')) as Obj;
  return structuredClone(Array.isArray(v.Records) ? v.Records[0] : v);
}

let n = 0;
function make(r: Obj, time: Date): TrailRecord {
  const id = `watch-${++n}-${Math.random().toString(16).slice(2, 10)}`;
  r.eventTime = time.toISOString().replace(/\.\d{3}Z$/, 'Z');
  r.eventID = id;
  return { source: r.eventSource, time, id, text: JSON.stringify(r) };
}

/** SCIM PATCH of a user rejected: "List attribute emails exceeds allowed limit of 1". */
export function scimPatchUserRejected(userId: string, time: Date): TrailRecord {
  const r = fixtureRecord('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json');
  r.requestParameters.id = userId;
  return make(r, time);
}

/** SCIM create of a group rejected as a duplicate (name hidden). */
export function scimCreateGroupConflict(time: Date): TrailRecord {
  return make(fixtureRecord('awsdocs-current_identitystore-scim_CreateGroup_ConflictException_duplicate_displayname.json'), time);
}

/** SCIM CreateUser that succeeded: the new id in responseElements.id, every name hidden. */
export function scimCreateUser(newId: string, time: Date): TrailRecord {
  const r = fixtureRecord('awsdocs-current_identitystore-scim_CreateUser_success.json');
  r.responseElements.id = newId;
  return make(r, time);
}

/** SCIM DELETE /Users/{id} that succeeded (derived from the PatchUser record: no error, no body). */
export function scimDeleteUser(oldId: string, time: Date): TrailRecord {
  const r = fixtureRecord('awsdocs-current_identitystore-scim_PatchUser_ValidationException_emails_limit.json');
  r.eventName = 'DeleteUser';
  delete r.errorCode;
  delete r.errorMessage;
  delete r.requestParameters.httpBody;
  r.requestParameters.id = oldId;
  return make(r, time);
}

/** A password rejected at sign-in (CredentialVerification Failure) for `userName`. */
export function passwordRejected(userName: string, time: Date): TrailRecord {
  const r = fixtureRecord('awsdocs_signin_CredentialVerification_password_FAILURE.json');
  r.userIdentity.userName = userName;
  r.additionalEventData.AuthWorkflowID = `wf-${++n}`;
  return make(r, time);
}

/** ExternalIdPDirectoryLogin Failure: "Not a valid response for the provided request id". */
export function externalIdpRejected(time: Date): TrailRecord {
  return make(fixtureRecord('panther_signin_ExternalIdPDirectoryLogin_FAILURE_not_valid_response.json'), time);
}

/** A failed CreateAccountAssignment (derived from the sso.amazonaws.com console record). */
export function assignmentFailed(permissionSetArn: string, accountId: string, time: Date): TrailRecord {
  const r = fixtureRecord('awsdocs_sso_DescribePermissionsPolicies_admin_console_Records-wrapper.json');
  r.eventName = 'CreateAccountAssignment';
  r.readOnly = false;
  r.errorCode = 'ValidationException';
  r.errorMessage = 'The specified principal does not exist in the identity store';
  r.requestParameters = { instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', targetId: accountId, targetType: 'AWS_ACCOUNT', permissionSetArn, principalType: 'USER', principalId: '00000000-dead-beef-0000-000000000000' };
  return make(r, time);
}

/**
 * An accepted asynchronous sso-admin call (derived from the sso.amazonaws.com console record): its
 * outcome is only in the request's status, under responseElements.<kind>Status.requestId.
 */
export function asyncRequestAccepted(
  eventName: 'CreateAccountAssignment' | 'DeleteAccountAssignment' | 'ProvisionPermissionSet',
  requestId: string,
  permissionSetArn: string,
  accountId: string,
  time: Date,
): TrailRecord {
  const r = fixtureRecord('awsdocs_sso_DescribePermissionsPolicies_admin_console_Records-wrapper.json');
  r.eventName = eventName;
  r.readOnly = false;
  r.requestParameters = { instanceArn: 'arn:aws:sso:::instance/ssoins-1234567890abcdef', targetId: accountId, targetType: 'AWS_ACCOUNT', permissionSetArn };
  const key = { CreateAccountAssignment: 'accountAssignmentCreationStatus', DeleteAccountAssignment: 'accountAssignmentDeletionStatus', ProvisionPermissionSet: 'permissionSetProvisioningStatus' }[eventName];
  r.responseElements = { [key]: { status: 'IN_PROGRESS', requestId, targetId: accountId, permissionSetArn } };
  return make(r, time);
}

/**
 * LookupEvents over `records` as CloudTrail answers it: one EventSource attribute, only records
 * inside [StartTime, EndTime], newest first, 50 a page, NextToken = offset.
 */
export function trailHandler(records: () => readonly TrailRecord[]): FakeHandler {
  return (operation, body) => {
    if (operation !== 'LookupEvents') return awsError('UnknownOperationException', `no ${operation}`);
    const attr = (body.LookupAttributes as Array<{ AttributeKey: string; AttributeValue: string }>)[0];
    const start = Number(body.StartTime) * 1000;
    const end = Number(body.EndTime) * 1000;
    const matching = records()
      .filter((r) => (!attr || r.source === attr.AttributeValue) && r.time.getTime() >= start && r.time.getTime() <= end)
      .sort((a, b) => b.time.getTime() - a.time.getTime());
    const size = Math.min(Number(body.MaxResults ?? 50), 50);
    const offset = Number(body.NextToken ?? 0);
    return {
      body: {
        Events: matching.slice(offset, offset + size).map((r) => ({ EventId: r.id, EventName: JSON.parse(r.text).eventName, EventSource: r.source, EventTime: r.time.getTime() / 1000, CloudTrailEvent: r.text })),
        ...(offset + size < matching.length ? { NextToken: String(offset + size) } : {}),
      },
    };
  };
}

import { stripCodeFences } from '../strip-code-fences';

/**
 * Does this message carry a SCIM request worth linting? A SCIM core or PatchOp URN, a request line
 * to a /Users or /Groups endpoint with a JSON body, or a JSON object with userName and name. An
 * IAM Identity Center error response alone is not a payload: the knowledge base answers it.
 */
export function detectScim(text: string): boolean {
  const t = stripCodeFences(text);
  if (!t.includes('{')) return false;
  if (/urn:ietf:params:scim:(?:schemas:core:2\.0:(?:User|Group)|api:messages:2\.0:PatchOp)/.test(t)) return true;
  if (/^\s*(?:POST|PUT|PATCH)\s+\S*\/(?:Users|Groups)\b/im.test(t)) return true;
  return /"userName"\s*:/.test(t) && /"(?:name|emails|displayName)"\s*:/.test(t);
}

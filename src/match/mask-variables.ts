/**
 * Replaces the parts of a paste that differ from one occurrence of an error to the next (ARNs,
 * account ids, request ids, e-mails, timestamps, AWSReservedSSO_ role suffixes, instance and
 * directory ids) with fixed placeholders, so two pastes of the same error look the same to the
 * model and no person's address or account becomes a feature. Runs before tokenising, on raw text.
 */
const MASKS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\barn:aws[\w-]*:[\w-]*:[\w-]*:\d{0,12}:[^\s"',)]+/gi, ' xarn '],
  // Bounded parts (RFC 5321 limits): an unbounded local part backtracks quadratically on a long word.
  [/\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}\b/g, ' xemail '],
  [/\b\d{4}-\d{2}-\d{2}[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?/gi, ' xtime '],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, ' xuuid '],
  [/\b(AWSReservedSSO)_[\w+=,.@-]*?_?[0-9a-f]{16}\b/gi, ' $1 xrole '],
  [/\b(ssoins|ps|d|apl|ssoapp)-[0-9a-f]{10,16}\b/gi, ' x$1id '],
  [/\b\d{12}\b/g, ' xaccount '],
  [/\b[0-9a-f]{20,256}\b/gi, ' xhex '],
];

export function maskVariables(text: string): string {
  let out = text;
  for (const [re, placeholder] of MASKS) out = out.replace(re, placeholder);
  return out;
}

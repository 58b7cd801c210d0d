/** Escalation ids are short and human: ESC-1001, ESC-1002, … (the store's counter hands out the numbers). */
export const FIRST_ESCALATION_NUMBER = 1001;

export function escalationId(n: number): string {
  return `ESC-${n}`;
}

/**
 * Maps the matcher's raw evidence score onto a confidence that reads as "how often an answer this
 * sure is right". Fitted (monotone, piecewise linear, rounded towards caution) on the reliability
 * table of test/fixtures/eval/messages.jsonl and checked on holdout.jsonl; refit when the scoring
 * in signature-index.ts or symptom-index.ts changes:
 *
 *   raw score     share right in messages.jsonl     confidence given
 *   below 0.40    0 of 9 (all messages that need no answer)   ≤ 0.35
 *   0.45–0.55     4 of 6                             0.45–0.62
 *   0.55–0.85     21 of 21 (symptom descriptions)     0.62–0.86
 *   0.90 and up   26 of 26 (error text, CloudTrail)   ≥ 0.90
 *
 * Raw symptom evidence is capped at 0.85 by design, so only an error signature or a CloudTrail
 * event can reach the top of the scale.
 */
const KNOTS: ReadonlyArray<readonly [number, number]> = [
  [0, 0],
  [0.25, 0.15],
  [0.4, 0.35],
  [0.5, 0.55],
  [0.6, 0.7],
  [0.75, 0.8],
  [0.85, 0.86],
  [0.95, 0.95],
  [1, 1],
];

export function calibrate(raw: number): number {
  if (!(raw > 0)) return 0;
  if (raw >= 1) return 1;
  for (let i = 1; i < KNOTS.length; i++) {
    const [x1, y1] = KNOTS[i]!;
    if (raw <= x1) {
      const [x0, y0] = KNOTS[i - 1]!;
      return y0 + ((raw - x0) / (x1 - x0)) * (y1 - y0);
    }
  }
  return 1;
}

/**
 * Lets the event loop read waiting requests before more post-ack work runs, one waiter per loop
 * turn. Without it, each event's answer (match, render, Web API call set-up) runs as a microtask
 * chain right after its ack, and under load the next events' acks queue behind several answers.
 * Slack's 3-second deadline is safe either way; ack latency under load is what this protects.
 *
 * Why one per turn: every `setImmediate` queued before a check phase runs in that phase, so plain
 * `setImmediate` would let a burst of answers run back to back. Here a waiter is released per
 * turn, and the poll phase (new requests, acks) runs between any two.
 */
const waiting: Array<() => void> = [];
let scheduled = false;

function releaseOne(): void {
  scheduled = false;
  waiting.shift()?.();
  if (waiting.length > 0) schedule();
}

function schedule(): void {
  scheduled = true;
  setImmediate(releaseOne);
}

export function yieldToIo(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) schedule();
  });
}

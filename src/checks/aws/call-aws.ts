import type { Metrics } from '../../core/ports/metrics';
import { toAwsCheckError, type AwsCheckError } from './aws-check-error';

/** Where each AWS call's latency and outcome go (`idc_aws_call_seconds`); the app passes its metrics. */
export type AwsCallMetrics = Pick<Metrics, 'awsCall'>;

/** The metric's outcome label for a failed call; "not found" is an answer (lookups by e-mail expect it), not an error. */
function outcomeOf(err: AwsCheckError): 'ok' | 'throttled' | 'timeout' | 'error' {
  if (err.code === 'not-found') return 'ok';
  return err.code === 'throttled' ? 'throttled' : err.code === 'timeout' ? 'timeout' : 'error';
}

/**
 * Runs one AWS call with a deadline: the SDK gets an AbortSignal, and a timer settles the promise
 * even if the SDK is still waiting (for example inside its own retry back-off). Any failure comes
 * back as an AwsCheckError naming `action`. Every call is counted in `metrics` (operation =
 * `action`, outcome ok / throttled / timeout / error), so every AWS call the bot makes goes through here.
 */
export async function callAws<T>(action: string, timeoutMs: number, run: (abortSignal: AbortSignal) => Promise<T>, metrics?: AwsCallMetrics): Promise<T> {
  const controller = new AbortController();
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1_000;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error(`${action} timed out after ${timeoutMs} ms`), { name: 'TimeoutError' }));
    }, timeoutMs);
  });
  try {
    const out = await Promise.race([run(controller.signal), deadline]);
    metrics?.awsCall(action, seconds(), 'ok');
    return out;
  } catch (err) {
    const error = toAwsCheckError(err, action, timeoutMs);
    metrics?.awsCall(action, seconds(), outcomeOf(error));
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

import { toAwsCheckError } from './aws-check-error';

/**
 * Runs one AWS call with a deadline: the SDK gets an AbortSignal, and a timer settles the promise
 * even if the SDK is still waiting (for example inside its own retry back-off). Any failure comes
 * back as an AwsCheckError naming `action`.
 */
export async function callAws<T>(action: string, timeoutMs: number, run: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(Object.assign(new Error(`${action} timed out after ${timeoutMs} ms`), { name: 'TimeoutError' }));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller.signal), deadline]);
  } catch (err) {
    throw toAwsCheckError(err, action, timeoutMs);
  } finally {
    clearTimeout(timer);
  }
}

import { ConfigError } from '../../src/config/config-error';
import { loadConfig } from '../../src/config/load-config';

/** The problems loadConfig reports for `env` (fails the test when it accepts it). */
export function configProblems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

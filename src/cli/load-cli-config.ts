import { ConfigError } from '../config/config-error';
import { loadConfig, type Config } from '../config/load-config';
import type { CliIo } from './cli-io';

/** The configuration for a CLI command; undefined after writing every invalid variable to stderr (exit 2). */
export function loadCliConfig(io: CliIo): Config | undefined {
  try {
    return loadConfig(io.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      io.err(`${err.message}\n`);
      return undefined;
    }
    throw err;
  }
}

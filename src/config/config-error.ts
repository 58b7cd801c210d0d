import { AppError } from '../core/app-error';

/** Configuration that cannot work. Names the variables and what to do; never echoes their values. */
export class ConfigError extends AppError<'invalid_config'> {
  constructor(readonly problems: string[]) {
    super('invalid_config', `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`, 'See .env.example for every variable.');
    this.name = 'ConfigError';
  }
}

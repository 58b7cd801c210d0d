import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * PostgreSQL for tests: `TEST_DATABASE_URL` (`.ci/run` sets it to the machine's server). Each
 * call to `freshSchema` creates an empty schema and returns a URL whose connections use it
 * (`options=-c search_path=…`), so test files and runs never see each other's rows.
 */
// Never DATABASE_URL: a developer's shell may point it at a real database.
export const testDatabaseUrl = process.env.TEST_DATABASE_URL || '';

export function describePostgres(name: string, fn: () => void): void {
  if (!testDatabaseUrl) {
    describe(name, () => {
      it.skip('needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test); .ci/run sets it', () => undefined);
    });
    // eslint-disable-next-line no-console
    console.warn(`${name}: skipped, TEST_DATABASE_URL is not set`);
    return;
  }
  describe(name, fn);
}

export interface TestSchema {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function freshSchema(base = testDatabaseUrl): Promise<TestSchema> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(base, `CREATE SCHEMA ${name}`);
  return { name, url: withSearchPath(base, name), drop: () => admin(base, `DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

export function withSearchPath(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  return u.toString();
}

export async function admin(url: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

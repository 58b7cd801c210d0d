import { silentLogger } from '../../src/core/ports';
import { createStore } from '../../src/store/create-store';
import { describePostgres, freshSchema, type TestSchema } from '../helpers/postgres';
import { storeContract } from './store-contract';

describePostgres('PostgreSQL store', () => {
  const schemas: TestSchema[] = [];
  afterAll(async () => {
    for (const s of schemas) await s.drop();
  });

  storeContract(async () => {
    const schema = await freshSchema();
    schemas.push(schema);
    return createStore({ kind: 'postgres', url: schema.url }, silentLogger);
  });
});

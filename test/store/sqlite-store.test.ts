import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStore } from '../../src/store/create-store';
import { silentLogger } from '../../src/core/ports/ports';
import { storeContract } from './store-contract';

describe('SQLite store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idc-store-'));
  let n = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  storeContract(() => createStore({ kind: 'sqlite', file: join(dir, `contract-${++n}.sqlite`) }, silentLogger));
});

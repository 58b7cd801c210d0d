import type { Store } from '../../src/core/ports/store';
import { StoreError } from '../../src/core/ports/store-error';

/**
 * Wraps a store so a test can take the database "down" and bring it back: while down, every
 * operation rejects with the StoreError a real unreachable database gives.
 */
export function switchableStore(inner: Store): { store: Store; down(): void; up(): void; calls: string[] } {
  let isDown = false;
  const calls: string[] = [];
  const store = new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(prop));
        if (isDown) return Promise.reject(new StoreError('store-unavailable', `PostgreSQL is unreachable (${String(prop)}: ECONNREFUSED)`, 'Check DATABASE_URL'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store, calls, down: () => void (isDown = true), up: () => void (isDown = false) };
}

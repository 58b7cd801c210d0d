/**
 * Tests are transformed with swc (fast); `npm test` type-checks once with tsc before jest runs.
 * kysely ships ESM only: Node 20 `require`s it natively, jest's module loader does not, so swc
 * turns its files into CommonJS for the tests.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }],
    '/node_modules/kysely/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
    // jose (used by the Teams SDK's jwks-rsa) ships ES modules only; Node runs them, Jest needs CommonJS.
    '/node_modules/jose/.+\\.js$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(kysely|jose)/)'],
  testTimeout: 30000,
};

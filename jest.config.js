/** One jest run for every kind of test: *.spec.ts (pure), *.int-spec.ts (real SQLite), *.e2e-spec.ts (HTTP). */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/test/bench/'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc], '^.+/node_modules/content-disposition/.+\\.js$': ['@swc/jest', swc] },
  // content-disposition (through @fastify/static, which Swagger UI needs) ships ESM only.
  transformIgnorePatterns: ['/node_modules/(?!content-disposition/)'],
  moduleNameMapper: {
    '^@jingsai/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
    '^@jingsai/([^/]+)$': '<rootDir>/libs/$1/src',
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testTimeout: 30000,
  maxWorkers: 2,
};

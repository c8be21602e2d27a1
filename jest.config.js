// One jest configuration for every kind of test. The kind is in the file name
// (*.unit.spec.ts, *.int.spec.ts, *.e2e.spec.ts); `npm run test:unit` etc. select by it.
// NestJS 12 ships as ES modules, so node_modules are transformed to CommonJS by swc too
// (all but google-protobuf); swc caches the result, so only the first run pays for it.
const fs = require('node:fs');
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;
const paths = swc.jsc.paths;
delete swc.jsc.baseUrl;
delete swc.jsc.paths;

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) {
  const key = alias.endsWith('/*') ? `^${alias.slice(0, -2)}/(.*)$` : `^${alias}$`;
  moduleNameMapper[key] = `<rootDir>/${target.replace('*', '$1')}`;
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/{apps,libs,test,bench}/**/*.spec.ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: { '^.+\\.(t|j|mj|cj)s$': ['@swc/jest', { ...swc, sourceMaps: 'inline' }] },
  // google-protobuf (under @eventstore/db-client) breaks when transformed; it is CommonJS already.
  transformIgnorePatterns: ['/node_modules/google-protobuf/'],
  moduleNameMapper,
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 60_000,
};

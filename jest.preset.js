// Shared Jest settings for every project: SWC instead of ts-jest (about 4x faster on
// Pulumi code; types are checked by each project's `typecheck` target instead),
// Nx's resolver for the tsconfig path aliases, and a plain Node environment.
const { nxPreset } = require('@nx/jest/preset');

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  testEnvironmentOptions: {
    ...nxPreset.testEnvironmentOptions,
    // Pulumi keeps its runtime state on globals; Jest 30 would otherwise wipe them
    // between a test file's setup and its tests.
    globalsCleanup: 'off',
  },
  transform: {
    '^.+\\.[cm]?[tj]s$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  // A test that loads a Pulumi program (a fresh SDK copy per isolated load) takes seconds
  // on a loaded 2-core machine: Jest's 5 s default fails them at random.
  testTimeout: 30_000,
  testMatch: ['**/?(*.)+(test).ts'],
  coverageReporters: ['text-summary', 'html'],
};

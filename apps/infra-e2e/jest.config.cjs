module.exports = {
  displayName: 'infra-e2e',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/global-setup.ts',
};

// The plugin is plain CommonJS that Nx loads without a build; so are its tests.
module.exports = {
  displayName: 'nx-pulumi',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['**/*.test.cjs'],
};

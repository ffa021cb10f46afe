module.exports = {
  displayName: 'ops',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/jest-setup.ts'],
};

module.exports = {
  displayName: 'replicator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  setupFiles: ['<rootDir>/test/jest-setup.ts'],
};

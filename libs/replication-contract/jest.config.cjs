module.exports = {
  displayName: 'replication-contract',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

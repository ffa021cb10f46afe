module.exports = {
  displayName: 'env-module',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

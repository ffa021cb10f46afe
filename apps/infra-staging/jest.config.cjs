module.exports = {
  displayName: 'infra-staging',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

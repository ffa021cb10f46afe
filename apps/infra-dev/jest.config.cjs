module.exports = {
  displayName: 'infra-dev',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

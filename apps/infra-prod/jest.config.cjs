module.exports = {
  displayName: 'infra-prod',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

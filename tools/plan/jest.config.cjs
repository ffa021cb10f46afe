module.exports = {
  displayName: 'plan',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

module.exports = {
  displayName: 'offline-stack',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

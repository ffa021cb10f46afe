import * as pulumi from '@pulumi/pulumi';
import { toPlainRecord } from './plain-values';

describe('toPlainRecord', () => {
  it('resolves assets and archives to plain JSON, with paths relative to the workspace', async () => {
    const inputs = {
      code: new pulumi.asset.FileArchive('/work/repo/dist/libs/replicator/monitor'),
      layer: new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = 1;'), 'data.json': new pulumi.asset.FileAsset('data.json') }),
      nested: [{ deferred: Promise.resolve('value'), gone: undefined }],
    };
    expect(await toPlainRecord(inputs, '/work/repo')).toEqual({
      code: { archive: { path: 'dist/libs/replicator/monitor' } },
      layer: { archive: { assets: { 'index.mjs': { asset: { text: 'export const handler = 1;' } }, 'data.json': { asset: { path: 'data.json' } } } } },
      nested: [{ deferred: 'value' }],
    });
  });
});

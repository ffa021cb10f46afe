import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

/**
 * S3 on disk in a temporary directory. No versioning; user metadata, content type
 * and tagging work; conditional headers on copy/delete (If-Match, If-None-Match,
 * x-amz-copy-source-if-match) and TaggingDirective are ignored. Clients need
 * forcePathStyle and the S3RVER/S3RVER credentials.
 */
export async function startS3rver(bucketNames: readonly string[]) {
  const directory = await mkdtemp(path.join(tmpdir(), 'replicator-s3rver-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: bucketNames.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

import { CopyObjectCommand, DeleteObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { ReplicationTarget } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { copySource, replicateBucketObject } from './bucket-object-replica';
import { isRetryable } from '../runtime/error-summary';
import { BUCKET_OBJECT_STAMP_KEY, toSequenceStamp } from './sequence-stamp';

const s3 = new S3Client({ region: 'eu-west-1' });
const s3Mock = mockClient(s3);

const subject = { kind: 'bucket-object' as const, bucketName: 'acme-data-prod', key: 'config/pipelines/daily run.json' };
const target: ReplicationTarget = {
  environment: 'staging',
  tableName: 'acme-metadata-staging',
  bucketName: 'acme-data-staging',
  successTopicArn: 'arn:aws:sns:eu-west-1:222222222222:success',
  failureTopicArn: 'arn:aws:sns:eu-west-1:222222222222:failure',
};
const changeStamp = toSequenceStamp('0055AED6DCD90281E5');
const notFound = () => Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
const sourceHead = {
  ETag: '"source-etag"',
  ContentType: 'application/json',
  CacheControl: 'no-cache',
  ContentEncoding: 'gzip',
  Metadata: { owner: 'ingest' },
};

function heads(source: object | Error, current: object | Error, sourceAfterCopy?: object | Error) {
  const answer = (value: object | Error) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  let sourceReads = 0;
  s3Mock.on(HeadObjectCommand).callsFake((input: { Bucket: string }) => {
    if (input.Bucket === 'acme-data-staging') return answer(current);
    sourceReads += 1;
    return answer(sourceReads > 1 && sourceAfterCopy !== undefined ? sourceAfterCopy : source);
  });
}

const replicate = () => replicateBucketObject({ subject, target, changeStamp, s3, signal: new AbortController().signal });

beforeEach(() => s3Mock.reset());

describe('replicateBucketObject', () => {
  it('copies prod’s object over an older target, keeping headers, metadata and tags, conditional on both ETags', async () => {
    heads(sourceHead, { ETag: '"old-etag"', Metadata: { [BUCKET_OBJECT_STAMP_KEY]: toSequenceStamp('0055AED6DCD90281E4') } });
    s3Mock.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"source-etag"' } });

    await expect(replicate()).resolves.toBe('put');

    expect(s3Mock.commandCalls(CopyObjectCommand).map((call) => call.args[0].input)).toEqual([
      {
        Bucket: 'acme-data-staging',
        Key: 'config/pipelines/daily run.json',
        CopySource: 'acme-data-prod/config/pipelines/daily%20run.json',
        CopySourceIfMatch: '"source-etag"',
        IfMatch: '"old-etag"',
        MetadataDirective: 'REPLACE',
        Metadata: { owner: 'ingest', [BUCKET_OBJECT_STAMP_KEY]: changeStamp },
        ContentType: 'application/json',
        CacheControl: 'no-cache',
        ContentDisposition: undefined,
        ContentEncoding: 'gzip',
        ContentLanguage: undefined,
        Expires: undefined,
        TaggingDirective: 'COPY',
      },
    ]);
    // The target existed, so its stamp protected it: no re-read of prod.
    expect(s3Mock.commandCalls(HeadObjectCommand)).toHaveLength(2);
  });

  it('copies into an absent target only if it is still absent, then checks prod still has the object', async () => {
    heads(sourceHead, notFound());
    s3Mock.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"source-etag"' } });

    await expect(replicate()).resolves.toBe('put');

    const copy = s3Mock.commandCalls(CopyObjectCommand)[0]?.args[0].input;
    expect(copy).toMatchObject({ IfNoneMatch: '*' });
    expect(copy).not.toHaveProperty('IfMatch');
    expect(s3Mock.commandCalls(HeadObjectCommand)).toHaveLength(3);
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });

  it('undoes its own copy when prod deleted the object meanwhile', async () => {
    heads(sourceHead, notFound(), notFound());
    s3Mock.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"copied-etag"' } });
    s3Mock.on(DeleteObjectCommand).resolves({});

    await expect(replicate()).resolves.toBe('delete');

    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'acme-data-staging', Key: subject.key, IfMatch: '"copied-etag"' },
    ]);
  });

  it('leaves a target stamped at least as new untouched', async () => {
    heads(sourceHead, { ETag: '"newer"', Metadata: { [BUCKET_OBJECT_STAMP_KEY]: changeStamp } });
    await expect(replicate()).resolves.toBe('skipped-newer');
    expect(s3Mock.commandCalls(CopyObjectCommand)).toHaveLength(0);
  });

  it('deletes the target object, if it is still the one it saw, when prod no longer has it', async () => {
    heads(notFound(), { ETag: '"old-etag"', Metadata: {} });
    s3Mock.on(DeleteObjectCommand).resolves({});
    await expect(replicate()).resolves.toBe('delete');
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'acme-data-staging', Key: subject.key, IfMatch: '"old-etag"' },
    ]);
  });

  it('fails retryably when prod re-created the object while its target copy was deleted', async () => {
    // Identical bytes have the same ETag, so If-Match cannot tell the re-created copy from the old one.
    heads(notFound(), { ETag: '"same-bytes"', Metadata: {} }, sourceHead);
    s3Mock.on(DeleteObjectCommand).resolves({});
    const failure = await replicate().catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'ObjectRecreatedError', message: 's3://acme-data-prod/config/pipelines/daily run.json exists again in prod after its target copy was deleted' });
    expect(isRetryable(failure)).toBe(true);
  });

  it('has nothing to delete when neither side has the object', async () => {
    heads(notFound(), notFound());
    await expect(replicate()).resolves.toBe('delete');
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });

  it('lets a failed precondition through for the retry loop to re-read', async () => {
    heads(sourceHead, { ETag: '"old-etag"', Metadata: {} });
    s3Mock.on(CopyObjectCommand).rejects(Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } }));
    await expect(replicate()).rejects.toMatchObject({ name: 'PreconditionFailed' });
  });

  it('encodes the copy source per path segment', () => {
    expect(copySource('b', 'config/a b/c+d?.json')).toBe('b/config/a%20b/c%2Bd%3F.json');
  });
});

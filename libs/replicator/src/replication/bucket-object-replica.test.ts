import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import type { ReplicationTarget } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { copySource, replicateBucketObject } from './bucket-object-replica';
import { isRetryable } from '../runtime/error-summary';
import type { CopyPlan } from './multipart-copy';

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
const notFound = () => Object.assign(new Error('NotFound'), { name: 'NotFound', $metadata: { httpStatusCode: 404 } });
const sourceHead = { ETag: '"source-etag"', VersionId: 'v2', ContentLength: 42, ContentType: 'application/json', Metadata: { owner: 'ingest' } };

/** Answers HeadObject of the target with `current`, and of prod with `source` then `sourceLater` (the check after the write). */
function heads(source: object | Error, current: object | Error, sourceLater: object | Error = source) {
  const answer = (value: object | Error) => (value instanceof Error ? Promise.reject(value) : Promise.resolve(value));
  let sourceReads = 0;
  s3Mock.on(HeadObjectCommand).callsFake((input: { Bucket: string }) => {
    if (input.Bucket === 'acme-data-staging') return answer(current);
    sourceReads += 1;
    return answer(sourceReads > 1 ? sourceLater : source);
  });
}

const replicate = (copyPlan?: CopyPlan) => replicateBucketObject({ subject, target, s3, signal: new AbortController().signal, copyPlan });

beforeEach(() => s3Mock.reset());

describe('replicateBucketObject', () => {
  it('copies prod’s object with its metadata and tags as they are, conditional on the ETag it read', async () => {
    heads(sourceHead, { ETag: '"old-etag"' });
    s3Mock.on(CopyObjectCommand).resolves({ CopyObjectResult: { ETag: '"target-etag"' } });

    await expect(replicate()).resolves.toBe('put');

    expect(s3Mock.commandCalls(CopyObjectCommand).map((call) => call.args[0].input)).toEqual([
      {
        Bucket: 'acme-data-staging',
        Key: 'config/pipelines/daily run.json',
        CopySource: 'acme-data-prod/config/pipelines/daily%20run.json',
        CopySourceIfMatch: '"source-etag"',
        MetadataDirective: 'COPY',
        TaggingDirective: 'COPY',
      },
    ]);
  });

  it('copies a duplicate or late change again (a present target cannot be proven equal by ETag)', async () => {
    heads(sourceHead, { ETag: '"target-etag"' });
    s3Mock.on(CopyObjectCommand).resolves({});
    await expect(replicate()).resolves.toBe('put');
    expect(s3Mock.commandCalls(CopyObjectCommand)).toHaveLength(1);
  });

  it('deletes the target’s object when prod no longer has it', async () => {
    heads(notFound(), { ETag: '"old-etag"' });
    s3Mock.on(DeleteObjectCommand).resolves({});
    await expect(replicate()).resolves.toBe('delete');
    expect(s3Mock.commandCalls(DeleteObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'acme-data-staging', Key: 'config/pipelines/daily run.json' },
    ]);
  });

  it('writes nothing when neither has the object', async () => {
    heads(notFound(), notFound());
    await expect(replicate()).resolves.toBe('skipped-newer');
    expect(s3Mock.commandCalls(DeleteObjectCommand)).toHaveLength(0);
  });

  it.each([
    ['prod deleted it meanwhile (NoSuchKey)', Object.assign(new Error('The specified key does not exist.'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } })],
    ['prod replaced it meanwhile (412)', Object.assign(new Error('At least one of the pre-conditions you specified did not hold'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } })],
  ])('fails the attempt retryably when the copy finds %s, so the retry converges', async (_case, error) => {
    heads(sourceHead, notFound());
    s3Mock.on(CopyObjectCommand).rejects(error);
    const failure = await replicate().catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ name: 'SourceChangedError' });
    expect(isRetryable(failure)).toBe(true);
  });

  it('does not take a missing target bucket for a change in prod', async () => {
    heads(sourceHead, notFound());
    s3Mock.on(CopyObjectCommand).rejects(Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket', $metadata: { httpStatusCode: 404 } }));
    await expect(replicate()).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  it.each([
    ['a new version', { ...sourceHead, VersionId: 'v3' }],
    ['a new ETag', { ...sourceHead, ETag: '"newer"' }],
    ['a delete', notFound()],
  ])('fails the attempt retryably when prod shows %s after the copy', async (_case, later) => {
    heads(sourceHead, notFound(), later);
    s3Mock.on(CopyObjectCommand).resolves({});
    const failure = await replicate().catch((caught: unknown) => caught);
    expect(failure).toMatchObject({ name: 'SourceChangedError', message: 's3://acme-data-prod/config/pipelines/daily run.json changed in prod while it was replicated; replicating its newer state' });
    expect(isRetryable(failure)).toBe(true);
  });

  it('fails the attempt retryably when prod re-created the key after the target delete', async () => {
    heads(notFound(), { ETag: '"old"' }, sourceHead);
    s3Mock.on(DeleteObjectCommand).resolves({});
    await expect(replicate()).rejects.toMatchObject({ name: 'SourceChangedError' });
  });

  describe('an object larger than one CopyObject may copy', () => {
    const plan: CopyPlan = { singleCopyMaxBytes: 10, partBytes: 4, concurrentParts: 2 };
    const large = { ...sourceHead, ContentLength: 11, ContentEncoding: 'gzip', CacheControl: 'no-cache' };

    it('copies it in parts of one version, with its metadata, headers and tags set on the upload', async () => {
      heads(large, notFound());
      s3Mock.on(GetObjectTaggingCommand).resolves({ TagSet: [{ Key: 'team', Value: 'data & ml' }, { Key: 'tier', Value: '1' }] });
      s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-1' });
      s3Mock.on(UploadPartCopyCommand).callsFake((input: { PartNumber: number }) => ({ CopyPartResult: { ETag: `"part-${input.PartNumber}"` } }));
      s3Mock.on(CompleteMultipartUploadCommand).resolves({});

      await expect(replicate(plan)).resolves.toBe('put');

      expect(s3Mock.commandCalls(GetObjectTaggingCommand)[0]?.args[0].input).toEqual({ Bucket: 'acme-data-prod', Key: subject.key });
      expect(s3Mock.commandCalls(CreateMultipartUploadCommand)[0]?.args[0].input).toMatchObject({
        Bucket: 'acme-data-staging',
        Key: subject.key,
        Metadata: { owner: 'ingest' },
        ContentType: 'application/json',
        ContentEncoding: 'gzip',
        CacheControl: 'no-cache',
        Tagging: 'team=data+%26+ml&tier=1',
      });
      // S3's minimum part is 5 MiB, so an 11-byte test object is one part.
      const parts = s3Mock.commandCalls(UploadPartCopyCommand).map((call) => call.args[0].input);
      expect(parts).toEqual([
        expect.objectContaining({ PartNumber: 1, UploadId: 'upload-1', CopySourceRange: 'bytes=0-10', CopySourceIfMatch: '"source-etag"', CopySource: 'acme-data-prod/config/pipelines/daily%20run.json' }),
      ]);
      expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)[0]?.args[0].input).toEqual({
        Bucket: 'acme-data-staging',
        Key: subject.key,
        UploadId: 'upload-1',
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"part-1"' }] },
      });
      expect(s3Mock.commandCalls(CopyObjectCommand)).toHaveLength(0);
    });

    it('aborts the upload when a part fails, and prod’s change is retried', async () => {
      heads(large, notFound());
      s3Mock.on(GetObjectTaggingCommand).resolves({ TagSet: [] });
      s3Mock.on(CreateMultipartUploadCommand).resolves({ UploadId: 'upload-2' });
      s3Mock.on(UploadPartCopyCommand).rejects(Object.assign(new Error('precondition'), { name: 'PreconditionFailed', $metadata: { httpStatusCode: 412 } }));
      s3Mock.on(AbortMultipartUploadCommand).resolves({});

      await expect(replicate(plan)).rejects.toMatchObject({ name: 'SourceChangedError' });
      expect(s3Mock.commandCalls(AbortMultipartUploadCommand).map((call) => call.args[0].input)).toEqual([
        { Bucket: 'acme-data-staging', Key: subject.key, UploadId: 'upload-2' },
      ]);
      expect(s3Mock.commandCalls(CompleteMultipartUploadCommand)).toHaveLength(0);
    });
  });
});

describe('copySource', () => {
  it('URL-encodes each key segment and keeps the slashes', () => {
    expect(copySource('b', 'config/a b/c+d?.json')).toBe('b/config/a%20b/c%2Bd%3F.json');
  });
});

import {
  CopyObjectCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketObjectSubject, ReplicationAction, ReplicationTarget } from '@data-platform/replication-contract';
import { isNotFound } from '../runtime/error-summary';
import { planReplication } from './newest-wins';
import { BUCKET_OBJECT_STAMP_KEY, readStamp } from './sequence-stamp';

/**
 * Makes one target's object equal to prod's current object, newest-wins. One
 * attempt: the caller retries the whole function, so every attempt re-reads both.
 *
 * S3 has no conditional expression on metadata, so the stamp is compared here and
 * the write is made conditional on the target's ETag (If-Match, or If-None-Match: *
 * when it was absent) and on the source's ETag (CopySourceIfMatch). If either
 * object changed since we looked, S3 answers 412 and the retry re-reads.
 */
export async function replicateBucketObject(request: {
  readonly subject: BucketObjectSubject;
  readonly target: ReplicationTarget;
  readonly changeStamp: string;
  readonly s3: S3Client;
  readonly signal: AbortSignal;
}): Promise<ReplicationAction> {
  const { subject, target, changeStamp, s3, signal } = request;
  const [source, current] = await Promise.all([
    headObject(s3, subject.bucketName, subject.key, signal),
    headObject(s3, target.bucketName, subject.key, signal),
  ]);
  const action = planReplication({
    sourceExists: source !== undefined,
    targetStamp: readStamp(current?.Metadata?.[BUCKET_OBJECT_STAMP_KEY]),
    changeStamp,
  });
  if (action === 'skipped-newer') {
    return action;
  }
  if (source === undefined) {
    if (current !== undefined) {
      await deleteTargetObject(request, current.ETag);
    }
    return 'delete';
  }
  const { CopyObjectResult } = await s3.send(
    new CopyObjectCommand({
      Bucket: target.bucketName,
      Key: subject.key,
      CopySource: copySource(subject.bucketName, subject.key),
      CopySourceIfMatch: source.ETag,
      ...(current === undefined ? { IfNoneMatch: '*' } : { IfMatch: current.ETag }),
      // REPLACE so the stamp can be added; every header S3 would otherwise copy is restated.
      MetadataDirective: 'REPLACE',
      Metadata: { ...source.Metadata, [BUCKET_OBJECT_STAMP_KEY]: changeStamp },
      ContentType: source.ContentType,
      CacheControl: source.CacheControl,
      ContentDisposition: source.ContentDisposition,
      ContentEncoding: source.ContentEncoding,
      ContentLanguage: source.ContentLanguage,
      Expires: source.Expires,
      TaggingDirective: 'COPY',
    }),
    { abortSignal: signal },
  );
  const copiedETag = CopyObjectResult?.ETag;
  if (current === undefined && copiedETag && (await headObject(s3, subject.bucketName, subject.key, signal)) === undefined) {
    // Same reason as for items: an absent target could not refuse this copy even
    // if prod's delete overtook our read. Undo our own object, and only ours.
    await deleteTargetObject(request, copiedETag);
    return 'delete';
  }
  return 'put';
}

/**
 * Deletes the target's object if it still has the ETag we saw. An ETag names the
 * bytes, not the write: a newer copy of identical bytes (prod deleted the key and
 * re-created it unchanged) also matches. So prod is read once more afterwards; if
 * the key is back, the attempt fails retryably and the retry copies it again.
 */
async function deleteTargetObject(
  request: { readonly subject: BucketObjectSubject; readonly target: ReplicationTarget; readonly s3: S3Client; readonly signal: AbortSignal },
  eTag: string | undefined,
): Promise<void> {
  const { subject, target, s3, signal } = request;
  await s3.send(new DeleteObjectCommand({ Bucket: target.bucketName, Key: subject.key, IfMatch: eTag }), { abortSignal: signal });
  if ((await headObject(s3, subject.bucketName, subject.key, signal)) !== undefined) {
    throw new ObjectRecreatedError(subject.bucketName, subject.key);
  }
}

/** Retryable by the SDK's own `$retryable` trait, like any transient AWS error. */
export class ObjectRecreatedError extends Error {
  readonly $retryable = {};

  constructor(bucketName: string, key: string) {
    super(`s3://${bucketName}/${key} exists again in prod after its target copy was deleted`);
    this.name = 'ObjectRecreatedError';
  }
}

/** CopySource is "bucket/key" URL-encoded per path segment (the slashes stay). */
export function copySource(bucketName: string, key: string): string {
  return `${bucketName}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

async function headObject(
  s3: S3Client,
  bucketName: string,
  key: string,
  signal: AbortSignal,
): Promise<HeadObjectCommandOutput | undefined> {
  try {
    return await s3.send(new HeadObjectCommand({ Bucket: bucketName, Key: key }), { abortSignal: signal });
  } catch (error) {
    if (isNotFound(error)) {
      return undefined;
    }
    throw error;
  }
}

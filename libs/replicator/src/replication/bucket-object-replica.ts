import {
  CopyObjectCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  type HeadObjectCommandOutput,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { BucketObjectSubject, ReplicationAction, ReplicationTarget } from '@data-platform/replication-contract';
import { httpStatusOf, isNotFound } from '../runtime/error-summary';
import { copyObjectInParts, type CopyPlan, DEFAULT_COPY_PLAN } from './multipart-copy';
import { SourceChangedError } from './source-changed-error';

/**
 * Makes one target's object equal to prod's current object: bytes, user metadata,
 * headers and tags. One attempt: the caller retries the whole function, so every
 * attempt re-reads prod.
 *
 * Nothing is added to the object (metadata at S3's 2 KB limit copies as it is), and
 * no order of changes is trusted: the copy is of prod's object as it is now (every
 * copy request is conditional on the ETag we read, so it is that version or fails),
 * and prod is read again after the write. If prod changed in between, the attempt
 * fails retryably and the retry copies the newer state. A copy whose source
 * disappeared (NoSuchKey, or 412 because it changed) is the same case: prod moved
 * on, so the retry reads it again and converges (a delete, usually).
 *
 * The target's content cannot be compared with prod's cheaply (ETags of SSE-KMS
 * objects are not content hashes), so a present object is always copied: a
 * duplicate or late change copies again, server-side, and ends equal all the same.
 * Tag-only changes take the same path, so tags never reach a target without the
 * bytes and metadata they belong to.
 */
export async function replicateBucketObject(request: {
  readonly subject: BucketObjectSubject;
  readonly target: ReplicationTarget;
  readonly s3: S3Client;
  readonly signal: AbortSignal;
  readonly copyPlan?: CopyPlan;
}): Promise<ReplicationAction> {
  const { subject, target, s3, signal } = request;
  const [source, current] = await Promise.all([
    headObject(s3, subject.bucketName, subject.key, signal),
    headObject(s3, target.bucketName, subject.key, signal),
  ]);
  if (source === undefined) {
    if (current === undefined) {
      return 'skipped-newer';
    }
    await s3.send(new DeleteObjectCommand({ Bucket: target.bucketName, Key: subject.key }), { abortSignal: signal });
  } else {
    await sourceMovedOnIfGone(subject, copyObject({ ...request, source, plan: request.copyPlan ?? DEFAULT_COPY_PLAN }));
  }
  const after = await headObject(s3, subject.bucketName, subject.key, signal);
  if (after?.ETag !== source?.ETag || after?.VersionId !== source?.VersionId) {
    throw new SourceChangedError(`s3://${subject.bucketName}/${subject.key}`);
  }
  return source === undefined ? 'delete' : 'put';
}

async function copyObject(request: {
  readonly subject: BucketObjectSubject;
  readonly target: ReplicationTarget;
  readonly s3: S3Client;
  readonly signal: AbortSignal;
  readonly source: HeadObjectCommandOutput;
  readonly plan: CopyPlan;
}): Promise<void> {
  const { subject, target, s3, signal, source, plan } = request;
  const from = copySource(subject.bucketName, subject.key);
  if ((source.ContentLength ?? 0) > plan.singleCopyMaxBytes) {
    await copyObjectInParts({
      s3,
      source: { bucketName: subject.bucketName, key: subject.key, copySource: from, head: source },
      target: { bucketName: target.bucketName, key: subject.key },
      plan,
      signal,
    });
    return;
  }
  await s3.send(
    new CopyObjectCommand({
      Bucket: target.bucketName,
      Key: subject.key,
      CopySource: from,
      CopySourceIfMatch: source.ETag,
      // Metadata, headers and tags exactly as prod has them; the target bucket's default encryption applies.
      MetadataDirective: 'COPY',
      TaggingDirective: 'COPY',
    }),
    { abortSignal: signal },
  );
}

/**
 * A copy whose source key is gone (NoSuchKey: only the source can be missing, a
 * copy creates the target key) or changed (412 on CopySourceIfMatch) means prod
 * moved on: retry with a fresh read.
 */
async function sourceMovedOnIfGone(subject: BucketObjectSubject, copy: Promise<void>): Promise<void> {
  try {
    await copy;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NoSuchKey' || httpStatusOf(error) === 412)) {
      throw new SourceChangedError(`s3://${subject.bucketName}/${subject.key}`);
    }
    throw error;
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

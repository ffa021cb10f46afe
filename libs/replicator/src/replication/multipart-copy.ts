import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectTaggingCommand,
  type HeadObjectCommandOutput,
  type S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';

const MiB = 1024 * 1024;

/**
 * S3's limits that decide how an object is copied (S3 User Guide, "Copying
 * objects" and "Amazon S3 multipart upload limits"): one CopyObject copies at most
 * 5 GiB; beyond that, a multipart upload of UploadPartCopy parts of 5 MiB to 5 GiB
 * each (the last may be smaller), at most 10,000 of them.
 */
export const S3_COPY_LIMITS = {
  singleCopyMaxBytes: 5 * 1024 * MiB,
  minPartBytes: 5 * MiB,
  maxPartBytes: 5 * 1024 * MiB,
  maxParts: 10_000,
} as const;

/** How this replicator copies: what it chooses within S3's limits. */
export interface CopyPlan {
  /** Objects larger than this are copied in parts. */
  readonly singleCopyMaxBytes: number;
  /** The part size it prefers; raised when the object would need more than 10,000 parts. */
  readonly partBytes: number;
  /** Parts copied at once: S3 copies server-side, so this bounds requests, not bandwidth. */
  readonly concurrentParts: number;
}

export const DEFAULT_COPY_PLAN: CopyPlan = {
  singleCopyMaxBytes: S3_COPY_LIMITS.singleCopyMaxBytes,
  partBytes: 512 * MiB,
  concurrentParts: 8,
};

/** The byte ranges (inclusive, as CopySourceRange wants them) of each part. */
export function partRanges(sizeBytes: number, plan: Pick<CopyPlan, 'partBytes'>): { first: number; last: number }[] {
  const partBytes = Math.min(
    S3_COPY_LIMITS.maxPartBytes,
    Math.max(plan.partBytes, S3_COPY_LIMITS.minPartBytes, Math.ceil(sizeBytes / S3_COPY_LIMITS.maxParts)),
  );
  const ranges: { first: number; last: number }[] = [];
  for (let first = 0; first < sizeBytes; first += partBytes) {
    ranges.push({ first, last: Math.min(sizeBytes, first + partBytes) - 1 });
  }
  return ranges;
}

/**
 * Copies prod's object as one multipart upload of UploadPartCopy parts. Every part
 * is conditional on the ETag prod had when we looked (CopySourceIfMatch), so the
 * parts cannot mix two versions; metadata, headers and tags are set on the upload
 * because parts carry only bytes. On any failure the upload is aborted (and the
 * buckets' lifecycle rule aborts any upload left behind by a timed-out invocation).
 */
export async function copyObjectInParts(request: {
  readonly s3: S3Client;
  readonly source: { readonly bucketName: string; readonly key: string; readonly copySource: string; readonly head: HeadObjectCommandOutput };
  readonly target: { readonly bucketName: string; readonly key: string };
  readonly plan: CopyPlan;
  readonly signal: AbortSignal;
}): Promise<void> {
  const { s3, source, target, plan, signal } = request;
  const { head } = source;
  const { TagSet = [] } = await s3.send(
    // The current version's tags (no VersionId, which would need s3:GetObjectVersionTagging): if prod
    // changes meanwhile, the parts' CopySourceIfMatch or the check after the copy catches it.
    new GetObjectTaggingCommand({ Bucket: source.bucketName, Key: source.key }),
    { abortSignal: signal },
  );
  const { UploadId } = await s3.send(
    new CreateMultipartUploadCommand({
      Bucket: target.bucketName,
      Key: target.key,
      Metadata: head.Metadata,
      ContentType: head.ContentType,
      CacheControl: head.CacheControl,
      ContentDisposition: head.ContentDisposition,
      ContentEncoding: head.ContentEncoding,
      ContentLanguage: head.ContentLanguage,
      Expires: head.Expires,
      Tagging: new URLSearchParams(TagSet.map(({ Key = '', Value = '' }): [string, string] => [Key, Value])).toString() || undefined,
    }),
    { abortSignal: signal },
  );
  try {
    const ranges = partRanges(head.ContentLength ?? 0, plan);
    const parts = await mapWithConcurrency(ranges, plan.concurrentParts, async ({ first, last }, index) => {
      const { CopyPartResult } = await s3.send(
        new UploadPartCopyCommand({
          Bucket: target.bucketName,
          Key: target.key,
          UploadId,
          PartNumber: index + 1,
          CopySource: source.copySource,
          CopySourceIfMatch: head.ETag,
          CopySourceRange: `bytes=${first}-${last}`,
        }),
        { abortSignal: signal },
      );
      return { PartNumber: index + 1, ETag: CopyPartResult?.ETag };
    });
    await s3.send(
      new CompleteMultipartUploadCommand({ Bucket: target.bucketName, Key: target.key, UploadId, MultipartUpload: { Parts: parts } }),
      { abortSignal: signal },
    );
  } catch (error) {
    // Not under `signal`: an attempt cut short by the deadline still releases its parts.
    await s3.send(new AbortMultipartUploadCommand({ Bucket: target.bucketName, Key: target.key, UploadId })).catch(() => undefined);
    throw error;
  }
}

/** `work` over `items`, at most `limit` at a time, results in input order; the first failure rejects. */
async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await work(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  await Promise.all(workers);
  return results;
}

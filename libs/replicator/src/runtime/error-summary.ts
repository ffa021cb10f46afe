import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';
import type { FailedCall } from './aws-clients';

/** The SDK's error shape, taken from its classifier so no further package is imported. */
type SdkError = Parameters<typeof isTransientError>[0];

/**
 * What outcomes and dead letters say about an error: its name and message, the
 * AWS service, operation and HTTP status when a call failed, and whether retrying could help.
 */
export interface ErrorSummary {
  readonly name: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly service?: string;
  readonly operation?: string;
  readonly httpStatus?: number;
}

const MAX_MESSAGE_LENGTH = 1_000;

/**
 * Classifies with the SDK's own rules (throttling codes and 429, timeouts, network
 * errors, 5xx, retryable traits), so our backoff loop retries exactly what the SDK's
 * standard retry strategy would have retried.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const sdkError = error as SdkError;
  return (
    isThrottlingError(sdkError) ||
    isTransientError(sdkError) ||
    isServerError(sdkError) ||
    isConcurrentChange(error)
  );
}

/**
 * S3 answers 412 when an If-Match / If-None-Match / CopySourceIfMatch condition no
 * longer holds, and 409 when a concurrent conditional write won the race. Either way
 * prod or the target moved while we worked: re-reading and trying again converges.
 */
export function isConcurrentChange(error: unknown): boolean {
  if (!(error instanceof Error)) {
    return false;
  }
  const status = httpStatusOf(error);
  return (
    error.name === 'PreconditionFailed' ||
    error.name === 'ConditionalRequestConflict' ||
    status === 412 ||
    status === 409
  );
}

/** True for the 404 S3 answers on a HeadObject of a missing key (or a current delete marker). */
export function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey' || httpStatusOf(error) === 404);
}

/**
 * `retryable` defaults to the SDK's classification; callers that already know
 * (retries exhausted, or a failure no retry can fix) say so.
 */
export function summarizeError(error: unknown, { retryable = isRetryable(error) }: { readonly retryable?: boolean } = {}): ErrorSummary {
  if (error instanceof Error) {
    const { $service: service, $operation: operation } = error as FailedCall;
    const httpStatus = httpStatusOf(error);
    return {
      name: error.name,
      message: truncate(error.message),
      retryable,
      ...(service === undefined ? {} : { service }),
      ...(operation === undefined ? {} : { operation }),
      ...(httpStatus === undefined ? {} : { httpStatus }),
    };
  }
  return { name: 'NonError', message: truncate(String(error)), retryable };
}

export function httpStatusOf(error: Error): number | undefined {
  return (error as Partial<SdkError>).$metadata?.httpStatusCode;
}

function truncate(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 3)}...` : message;
}

import { InternalServerError, ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { isConcurrentChange, isNotFound, isRetryable, summarizeError } from './error-summary';

const sdkError = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name} happened`), { name, $metadata: status === undefined ? {} : { httpStatusCode: status }, ...extra });

describe('isRetryable (the SDK classification, plus S3 conditional conflicts)', () => {
  it.each([
    ['DynamoDB throttling', new ProvisionedThroughputExceededException({ message: 'slow down', $metadata: { httpStatusCode: 400 } })],
    ['DynamoDB internal error', new InternalServerError({ message: 'oops', $metadata: { httpStatusCode: 500 } })],
    ['ThrottlingException', sdkError('ThrottlingException', 400)],
    ['S3 SlowDown', sdkError('SlowDown', 503)],
    ['HTTP 429', sdkError('TooMany', 429)],
    ['HTTP 502', sdkError('BadGateway', 502)],
    ['HTTP 501', sdkError('NotImplemented', 501)],
    ['a request timeout', sdkError('TimeoutError')],
    ['a reset connection', sdkError('Error', undefined, { code: 'ECONNRESET' })],
    ['a refused connection', sdkError('Error', undefined, { code: 'ECONNREFUSED' })],
    ['an unresolvable host', sdkError('Error', undefined, { code: 'ENOTFOUND' })],
    ['S3 412 precondition failed', sdkError('PreconditionFailed', 412)],
    ['S3 409 conditional conflict', sdkError('ConditionalRequestConflict', 409)],
  ])('retries %s', (_case, error) => {
    expect(isRetryable(error)).toBe(true);
  });

  it.each([
    ['ValidationException', sdkError('ValidationException', 400)],
    ['AccessDeniedException', sdkError('AccessDeniedException', 400)],
    ['ResourceNotFoundException', sdkError('ResourceNotFoundException', 400)],
    ['NoSuchBucket', sdkError('NoSuchBucket', 404)],
    ['an abort', sdkError('AbortError')],
    ['a programming error', new TypeError('x is undefined')],
    ['a thrown string', 'boom'],
  ])('does not retry %s', (_case, error) => {
    expect(isRetryable(error)).toBe(false);
  });
});

describe('error helpers', () => {
  it('recognises a concurrent change and a missing object', () => {
    expect(isConcurrentChange(sdkError('Unknown', 412))).toBe(true);
    expect(isConcurrentChange(sdkError('ValidationException', 400))).toBe(false);
    expect(isNotFound(sdkError('NotFound', 404))).toBe(true);
    expect(isNotFound(sdkError('Forbidden', 403))).toBe(false);
  });

  it('summarises with name, bounded message and classification', () => {
    expect(summarizeError(sdkError('ThrottlingException', 400))).toEqual({ name: 'ThrottlingException', message: 'ThrottlingException happened', retryable: true, httpStatus: 400 });
    expect(summarizeError(new Error('x'.repeat(5_000)), { retryable: false }).message).toHaveLength(1_000);
    expect(summarizeError('boom')).toEqual({ name: 'NonError', message: 'boom', retryable: false });
  });
});

import { parseArn } from '@data-platform/replication-contract';

/**
 * Client settings shared by both functions. Everything else (region, credentials,
 * endpoints) comes from the SDK's standard configuration chain, so
 * AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> point a client at LocalStack or
 * any AWS-compatible endpoint without code changes.
 *
 * Retries nest at most once. Calls our own backoff loop repeats (reads and writes
 * of replication, PutEvents) use `maxAttempts: 1`, so an attempt counted in an
 * outcome or dead letter is one request. Calls made once, to record a result (SNS
 * outcome, SQS dead letter), keep the SDK's standard retries (3 attempts).
 */
const HTTP_TIMEOUTS = {
  connectionTimeout: 2_000,
  // Config items and objects are small; a copy taking longer than this is a failure to retry.
  requestTimeout: 10_000,
  throwOnRequestTimeout: true,
} as const;

export function retriedByCaller(region?: string) {
  return { ...(region === undefined ? {} : { region }), maxAttempts: 1, requestHandler: HTTP_TIMEOUTS };
}

export function retriedBySdk(region?: string) {
  return { ...(region === undefined ? {} : { region }), maxAttempts: 3, requestHandler: HTTP_TIMEOUTS };
}

/** One client per region, made on first use and kept for the life of the container. */
export function perRegion<T>(create: (region: string | undefined) => T): (region: string | undefined) => T {
  const clients = new Map<string | undefined, T>();
  return (region) => {
    let client = clients.get(region);
    if (client === undefined) {
      client = create(region);
      clients.set(region, client);
    }
    return client;
  };
}

/** The region of an ARN such as an SNS topic's (SNS accepts a topic only in its own region); `undefined` for a plain name or a global ARN. */
export function regionOfArn(arn: string): string | undefined {
  return parseArn(arn)?.region || undefined;
}

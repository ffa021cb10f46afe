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

/**
 * SQS sends to the host of the QueueUrl it is given unless told otherwise, so a
 * configured AWS_ENDPOINT_URL(_SQS) would be ignored for the dead-letter queue.
 * The queue always lives in the function's own region, which the resolved
 * endpoint already addresses: the QueueUrl's host adds nothing.
 */
export function deadLetterQueueClient(region?: string) {
  return { ...retriedBySdk(region), useQueueUrlAsEndpoint: false };
}

/** What an error summary needs to know of the call that failed: which service, which operation. */
export interface FailedCall {
  readonly $service?: string;
  readonly $operation?: string;
}

/** The initialize step of an SDK v3 middleware stack, as far as `withFailedCallNames` uses it. */
type AddInitializeMiddleware = (
  middleware: (next: (args: unknown) => Promise<unknown>, context: { clientName?: string; commandName?: string }) => (args: unknown) => Promise<unknown>,
  options: { step: 'initialize'; name: string },
) => void;

/**
 * Stamps every error a client throws with the service and operation it came from
 * (S3 answers a refused HeadObject with a bare 403 and no body: the status alone
 * does not say what was refused). Dead letters and failure outcomes name both.
 */
export function withFailedCallNames<Client extends { readonly middlewareStack: object }>(client: Client): Client {
  (client.middlewareStack as { add: AddInitializeMiddleware }).add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (error instanceof Error) {
          Object.assign(error, {
            $service: context.clientName?.replace(/Client$/, ''),
            $operation: context.commandName?.replace(/Command$/, ''),
          } satisfies FailedCall);
        }
        throw error;
      }
    },
    { step: 'initialize', name: 'failedCallNames' },
  );
  return client;
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

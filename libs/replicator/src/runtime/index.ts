/**
 * What both functions (and any operator command) run on: retries with backoff
 * inside a deadline, the clock, error summaries, SDK client settings, the
 * dead-letter queue and message attributes.
 */
export * from './aws-clients';
export * from './backoff';
export * from './clock';
export * from './dead-letter-queue';
export * from './error-summary';
export * from './invocation-deadline';
export * from './retries';

/** Redrive: what each dead letter is, and replaying the ones that can be replayed. */
export * from './dead-letter-shapes';
export * from './redrive';

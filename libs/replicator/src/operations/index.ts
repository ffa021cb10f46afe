/** Consistency operations an operator runs against the deployed environments (issue 9). */
export * from './infrastructure';
export * from './redrive';

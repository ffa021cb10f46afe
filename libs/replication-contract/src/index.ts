export * from './environments';
export * from './configuration-changed';
export * from './replication-rule-pattern';
export * from './function-environment';
export * from './dead-letter';
export * from './replication-outcome';
export * from './lambda-bundles';

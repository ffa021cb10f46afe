export * from './policies';
export * from './evaluate';
export * from './policy-document';

export * from './run-stack-offline';
export * from './planned-values';
export * from './stack-files';
export * from './pulumi-projects';

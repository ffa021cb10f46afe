// Tests of the environment apps: their real programs planned offline, looked up strictly.
// Never imported by a program.
export * from './planned-stack';
export * from './resource-types';
export * from './target-environment-app';

// Test helpers for the apps; never imported by a program (apps import '@data-platform/env-module').
export { describeTargetEnvironmentApp } from './describe-target-environment-app';

import { describeTargetEnvironmentApp } from '@data-platform/env-module/testing';

// This app's real index.ts with its committed Pulumi.staging.yaml.
describeTargetEnvironmentApp({ projectDir: __dirname, environment: 'staging' });

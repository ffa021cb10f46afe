import { describeTargetEnvironmentApp } from '@data-platform/env-module/testing';

// This app's real index.ts with its committed Pulumi.dev.yaml.
process.setMaxListeners(50); // each isolated program load adds a fresh SDK's exit listener
describeTargetEnvironmentApp({ projectDir: __dirname, environment: 'dev' });

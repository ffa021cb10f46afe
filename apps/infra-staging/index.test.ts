import { describeTargetEnvironmentApp } from '@data-platform/planned-stacks';

// This app's real index.ts with its committed Pulumi.staging.yaml.
describeTargetEnvironmentApp('staging');

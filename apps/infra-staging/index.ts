// The staging environment of the data platform. All three infra apps run this same
// program; what makes this one staging is Pulumi.staging.yaml.
import { defineEnvironmentStack } from '@data-platform/env-module';

export = defineEnvironmentStack();

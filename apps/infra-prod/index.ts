// The prod environment of the data platform. All three infra apps run this same
// program; what makes this one prod is Pulumi.prod.yaml.
import { defineEnvironmentStack } from '@data-platform/env-module';

export = defineEnvironmentStack();

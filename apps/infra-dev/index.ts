// The dev environment of the data platform. All three infra apps run this same
// program; what makes this one dev is Pulumi.dev.yaml.
import { defineEnvironmentStack } from '@data-platform/env-module';

export = defineEnvironmentStack();

import { join } from 'node:path';

/**
 * Where the global setup leaves the committed stacks' plan for the test files:
 * planned once per run instead of once per file (each file would load the Pulumi
 * SDK and the AWS provider afresh, seconds each). Inside the checkout, ignored by git.
 */
export const COMMITTED_STACKS_FILE = join(__dirname, '..', '..', '..', 'tmp', 'infra-e2e', 'committed-stacks.json');

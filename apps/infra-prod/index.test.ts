import { ENVIRONMENT_NAMES, type EnvironmentName } from '@data-platform/replication-contract';
import { planAllEnvironments, planEnvironment, type PlannedStack } from './test/planned-stacks';
import { awsResourceCount, T } from './test/stack-vocabulary';
import { deadLetterAndAlarmsSuite } from './test/suites/dead-letter-and-alarms';
import { functionsSuite } from './test/suites/functions';
import { iamDocumentsSuite } from './test/suites/iam-documents';
import { outputsAndNamingSuite } from './test/suites/outputs-and-naming';
import { replicationSuite } from './test/suites/replication';
import { storageSuite } from './test/suites/storage';
import { tagsAndProvidersSuite } from './test/suites/tags-and-providers';

// Every mission point, asserted on the resources the three apps' real programs
// plan with their committed config: dev and staging first, then prod, whose
// StackReferences return what dev and staging just produced. The stacks are
// planned once here; the assertions live by domain in test/suites/.

let stacks: Record<EnvironmentName, PlannedStack>;
let elapsedMs: number;

beforeAll(async () => {
  const started = Date.now();
  stacks = await planAllEnvironments();
  elapsedMs = Date.now() - started;
}, 60_000);

const stacksOf = () => stacks;

describe('the three environment stacks, planned from the real apps and their committed config', () => {
  it('plans all three stacks quickly', () => {
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it('plans 26 AWS resources in dev and staging, and 35 in prod (replicator, its role, logs, rule, target, permission, alarm)', () => {
    expect(ENVIRONMENT_NAMES.map((environment) => awsResourceCount(stacks[environment].resources))).toEqual([26, 26, 35]);
  });

  outputsAndNamingSuite(stacksOf);
  storageSuite(stacksOf);
  functionsSuite(stacksOf);
  replicationSuite(stacksOf);
  deadLetterAndAlarmsSuite(stacksOf);
  tagsAndProvidersSuite(stacksOf);
  iamDocumentsSuite(stacksOf);
});

describe('prod configured without replication targets', () => {
  let prod: PlannedStack;
  beforeAll(async () => {
    // As an operator would: the key removed from the stack file (an explicit empty list is refused).
    prod = await planEnvironment('prod', { configOverrides: { 'platform:replicationTargets': undefined } });
  }, 30_000);

  it('runs the monitor only: no replicator, rule or StackReference, and no rule ARN output', () => {
    expect(prod.ofType(T.fn).map((fn) => fn.inputs['name'])).toEqual(['acme-config-monitor-prod']);
    expect(prod.ofType(T.rule)).toEqual([]);
    expect(prod.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    expect(prod.outputs).not.toHaveProperty('replicationRuleArn');
    expect(awsResourceCount(prod.resources)).toBe(26);
  });
});

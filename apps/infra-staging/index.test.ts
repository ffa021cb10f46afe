import { parseEnvironmentStackOutputs } from '@data-platform/env-module';
import { type OfflineStackOptions, type OfflineStackResult, runStackOffline } from '@data-platform/offline-stack';

// This app's real program with its committed Pulumi.staging.yaml. The cross-stack
// assertions (all three stacks, prod fed by this one) and the refusals of bad
// config live in apps/infra-prod.

const ENVIRONMENT = 'staging';

function isolatedLoad(program: string): unknown {
  let exported: unknown;
  jest.isolateModules(() => {
    exported = jest.requireActual(program);
  });
  return exported;
}

function plan(options: Partial<OfflineStackOptions> = {}): Promise<OfflineStackResult> {
  return runStackOffline({ projectDir: __dirname, stack: ENVIRONMENT, loadProgram: isolatedLoad, ...options });
}

process.setMaxListeners(50);

describe(`infra-${ENVIRONMENT}`, () => {
  let result: OfflineStackResult;
  beforeAll(async () => {
    result = await plan();
  }, 30_000);

  it('exports the stack output contract, without a replication rule', () => {
    const outputs = parseEnvironmentStackOutputs(`organization/infra-${ENVIRONMENT}/${ENVIRONMENT}`, ENVIRONMENT, result.outputs);
    expect(outputs).toEqual(result.outputs);
    expect(outputs).toMatchObject({ environment: ENVIRONMENT, bucketName: `acme-data-${ENVIRONMENT}-eu-west-1-111111111111`, tableName: `acme-metadata-${ENVIRONMENT}` });
    expect(Object.keys(outputs.lambdaFunctionArns)).toEqual(['monitor']);
    expect(result.outputs).not.toHaveProperty('replicationRuleArn');
  });

  it('runs no replicator, no rule and reads no other stack', () => {
    const types = result.resources.map((resource) => resource.type);
    expect(types.filter((type) => type === 'aws:lambda/function:Function')).toHaveLength(1);
    expect(types).not.toContain('aws:cloudwatch/eventRule:EventRule');
    expect(types).not.toContain('aws:cloudwatch/eventTarget:EventTarget');
    expect(types).not.toContain('pulumi:pulumi:StackReference');
  });

  it('creates every AWS resource with its explicit provider and tags every taggable one', () => {
    const awsResources = result.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
    expect(awsResources.length).toBeGreaterThan(20);
    for (const resource of awsResources) {
      expect({ name: resource.name, provider: resource.provider }).toEqual({ name: resource.name, provider: `aws-${ENVIRONMENT}` });
      if (resource.taggable) {
        expect(resource.state['tagsAll']).toEqual({ Environment: ENVIRONMENT, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' });
      }
    }
  });
});

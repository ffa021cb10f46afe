import type { PlanDocument, PlannedResource } from '../plan-document';
import { displayType, renderSummary } from './summary';

const STACK = 'urn:pulumi:dev::infra-dev::pulumi:pulumi:Stack::infra-dev-dev';
const MODULE = 'urn:pulumi:dev::infra-dev::data-platform:environment:EnvironmentModule::data-platform-dev';
const tags = { Environment: 'dev', Project: 'data-pipeline-platform', ManagedBy: 'pulumi' };

function resource(type: string, name: string, parent: string | undefined, state: Record<string, unknown>, extra: Partial<PlannedResource> = {}): PlannedResource {
  return { urn: `${parent ?? 'urn:pulumi:dev::infra-dev::'}$${type}::${name}`, type, name, parent, custom: true, taggable: false, inputs: state, state, ...extra };
}

const plan: PlanDocument = {
  kind: 'offline-plan',
  valuesAre: 'planned',
  note: 'planned',
  project: 'infra-dev',
  stack: 'dev',
  organization: 'organization',
  fullyQualifiedName: 'organization/infra-dev/dev',
  location: { accountId: '123456789012', region: 'eu-west-1', partition: 'aws', accountIsPlaceholder: true },
  config: {},
  stackReferences: [],
  resources: [
    { urn: STACK, type: 'pulumi:pulumi:Stack', name: 'infra-dev-dev', custom: false, taggable: false, inputs: {}, state: {} },
    { urn: MODULE, type: 'data-platform:environment:EnvironmentModule', name: 'data-platform-dev', parent: STACK, custom: false, taggable: false, inputs: {}, state: {} },
    resource('aws:sqs/queue:Queue', 'dlq', MODULE, { name: 'acme-dlq-dev', arn: 'arn:aws:sqs:eu-west-1:123456789012:acme-dlq-dev', sqsManagedSseEnabled: true, tagsAll: tags }, { taggable: true }),
    resource('aws:dynamodb/table:Table', 'metadata', MODULE, { name: 'acme-metadata-dev', billingMode: 'PAY_PER_REQUEST', pointInTimeRecovery: { enabled: true }, hashKey: 'pk', attributes: [{ name: 'pk', type: 'S' }], tagsAll: tags }, { taggable: true }),
    resource('pulumi:providers:aws', 'aws-dev', STACK, { region: 'eu-west-1', defaultTags: JSON.stringify({ tags }) }),
  ],
  outputs: { tableName: 'acme-metadata-dev', lambdaFunctionArns: { monitor: 'arn:aws:lambda:eu-west-1:123456789012:function:acme-config-monitor-dev' } },
  guardrails: {
    policyPack: 'data-platform-guardrails',
    policies: ['a', 'b'],
    passed: false,
    violations: [
      { policyName: 'sqs-queue-encryption', enforcementLevel: 'mandatory', message: 'SQS queue dlq is not encrypted.', urn: `${MODULE}$aws:sqs/queue:Queue::dlq` },
      { policyName: 'iam-named-actions', enforcementLevel: 'advisory', message: 'named actions, please.' },
    ],
  },
};

describe('renderSummary', () => {
  it('marks values as planned, draws the resource tree with key settings, then outputs and the guardrail verdict', () => {
    expect(renderSummary(plan)).toBe(
      [
        'PLAN organization/infra-dev/dev   PLANNED values (offline, Pulumi mock runtime): nothing deployed, nothing read from AWS',
        '  account 123456789012 (placeholder), region eu-west-1',
        '',
        'Resources (5)',
        'pulumi:pulumi:Stack  infra-dev-dev',
        '├─ data-platform:environment:EnvironmentModule  data-platform-dev',
        '│  ├─ aws:dynamodb:Table  metadata',
        '│  │       table acme-metadata-dev',
        '│  │       billing PAY_PER_REQUEST, point-in-time recovery on, deletion protection off',
        '│  │       hash key pk, attributes pk:S',
        '│  │       tags Environment=dev, Project=data-pipeline-platform, ManagedBy=pulumi',
        '│  └─ aws:sqs:Queue  dlq',
        '│          queue acme-dlq-dev',
        '│          arn arn:aws:sqs:eu-west-1:123456789012:acme-dlq-dev',
        '│          encryption SQS-managed (SSE-SQS)',
        '│          tags Environment=dev, Project=data-pipeline-platform, ManagedBy=pulumi',
        '└─ pulumi:providers:aws  aws-dev',
        '        region eu-west-1',
        '        default tags Environment=dev, Project=data-pipeline-platform, ManagedBy=pulumi',
        '',
        'Outputs',
        '  tableName  acme-metadata-dev',
        '  lambdaFunctionArns',
        '    monitor  arn:aws:lambda:eu-west-1:123456789012:function:acme-config-monitor-dev',
        '',
        'Guardrails (data-platform-guardrails, 2 policies): FAILED, 1 mandatory violation, 1 advisory',
        '  [mandatory] sqs-queue-encryption: SQS queue dlq is not encrypted.  (aws:sqs:Queue dlq)',
        '  [advisory] iam-named-actions: named actions, please.',
        '',
      ].join('\n'),
    );
  });

  it('says PASSED when no mandatory policy is violated', () => {
    const passed = renderSummary({ ...plan, guardrails: { ...plan.guardrails, passed: true, violations: [] } });
    expect(passed).toContain('Guardrails (data-platform-guardrails, 2 policies): PASSED, 0 mandatory violations\n');
  });
});

describe('displayType', () => {
  it.each([
    ['aws:s3/bucket:Bucket', 'aws:s3:Bucket'],
    ['aws:cloudwatch/eventRule:EventRule', 'aws:cloudwatch:EventRule'],
    ['pulumi:providers:aws', 'pulumi:providers:aws'],
    ['data-platform:environment:EnvironmentModule', 'data-platform:environment:EnvironmentModule'],
  ])('%s -> %s', (type, shown) => {
    expect(displayType(type)).toBe(shown);
  });
});

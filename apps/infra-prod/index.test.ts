import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isWildcardOnlyAction } from '@cloud-copilot/iam-simulate';
import {
  bucketNameViolation,
  ENVIRONMENT_DEFAULTS,
  findWorkspaceRoot,
  METADATA_TABLE_SCHEMA,
  parseEnvironmentStackOutputs,
  type PolicyDocument,
  type PolicyStatement,
  REQUIRED_TAG_KEYS,
  worstCaseBackoffMs,
} from '@data-platform/env-module';
import {
  DEFAULT_RETRY,
  ENVIRONMENT_NAMES,
  type EnvironmentName,
  LAMBDA_BUNDLE_ROOT,
  LAMBDA_FUNCTIONS,
  monitorVariables,
  readReplicatorSettings,
  replicationRulePattern,
  replicatorVariables,
} from '@data-platform/replication-contract';
import type { OfflineResource } from '@data-platform/offline-stack';
import { planAllEnvironments, planEnvironment, type PlannedStack } from './test/planned-stacks';

const T = {
  provider: 'pulumi:providers:aws',
  bucket: 'aws:s3/bucket:Bucket',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  lifecycle: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
  publicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  encryption: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  ownership: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
  bucketPolicy: 'aws:s3/bucketPolicy:BucketPolicy',
  notification: 'aws:s3/bucketNotification:BucketNotification',
  table: 'aws:dynamodb/table:Table',
  tablePolicy: 'aws:dynamodb/resourcePolicy:ResourcePolicy',
  topic: 'aws:sns/topic:Topic',
  topicPolicy: 'aws:sns/topicPolicy:TopicPolicy',
  queue: 'aws:sqs/queue:Queue',
  queuePolicy: 'aws:sqs/queuePolicy:QueuePolicy',
  key: 'aws:kms/key:Key',
  alias: 'aws:kms/alias:Alias',
  fn: 'aws:lambda/function:Function',
  permission: 'aws:lambda/permission:Permission',
  streamMapping: 'aws:lambda/eventSourceMapping:EventSourceMapping',
  invokeConfig: 'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig',
  role: 'aws:iam/role:Role',
  rolePolicy: 'aws:iam/rolePolicy:RolePolicy',
  logGroup: 'aws:cloudwatch/logGroup:LogGroup',
  alarm: 'aws:cloudwatch/metricAlarm:MetricAlarm',
  rule: 'aws:cloudwatch/eventRule:EventRule',
  ruleTarget: 'aws:cloudwatch/eventTarget:EventTarget',
} as const;

const ACCOUNT = '111111111111';
const REGION = 'eu-west-1';
const CONTRACT_OUTPUTS = [
  'accountId',
  'bucketArn',
  'bucketName',
  'deadLetterQueueArn',
  'deadLetterQueueUrl',
  'encryptionKeyArn',
  'environment',
  'failureTopicArn',
  'lambdaFunctionArns',
  'region',
  'replicationSourceAccountId',
  'successTopicArn',
  'tableArn',
  'tableName',
];

let stacks: Record<EnvironmentName, PlannedStack>;
let elapsedMs: number;

beforeAll(async () => {
  const started = Date.now();
  stacks = await planAllEnvironments();
  elapsedMs = Date.now() - started;
}, 60_000);

/** The functions each environment runs: the monitor everywhere, the replicator in prod. */
const functionsOf = (environment: EnvironmentName): ('monitor' | 'replicator')[] =>
  environment === 'prod' ? ['monitor', 'replicator'] : ['monitor'];
/** The logical name of a function's component under the module. */
const functionComponent = (fn: 'monitor' | 'replicator'): string => (fn === 'monitor' ? 'monitor' : 'replication');

function arnOf(stack: PlannedStack, type: string, name: string): string {
  return stack.state(stack.find(type, name), 'arn');
}

function statements(document: PolicyDocument): readonly PolicyStatement[] {
  return document.Statement;
}

function asList(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}

describe('the three environment stacks, planned from the real apps and their committed config', () => {
  it('plans all three stacks quickly', () => {
    expect(elapsedMs).toBeLessThan(30_000);
  });

  it('plans 26 AWS resources in dev and staging, and 35 in prod (replicator, its role, logs, rule, target, permission, alarm)', () => {
    expect(ENVIRONMENT_NAMES.map((environment) => awsResourceCount(stacks[environment].resources))).toEqual([26, 26, 35]);
  });

  describe('stack outputs', () => {
    it.each(ENVIRONMENT_NAMES)('%s exports the contract, and only prod the replication rule ARN', (environment) => {
      const stack = stacks[environment];
      const expected = environment === 'prod' ? [...CONTRACT_OUTPUTS, 'replicationRuleArn'].sort() : CONTRACT_OUTPUTS;
      expect(Object.keys(stack.outputs).sort()).toEqual(expected);
      // The typed reader prod uses accepts every output as it is.
      expect(parseEnvironmentStackOutputs(`organization/infra-${environment}/${environment}`, environment, stack.outputs)).toEqual(stack.outputs);
    });

    it.each(ENVIRONMENT_NAMES)('%s exports the values of the resources it planned', (environment) => {
      const stack = stacks[environment];
      const queue = stack.find(T.queue, 'dlq');
      expect(stack.outputs).toEqual({
        environment,
        region: REGION,
        accountId: ACCOUNT,
        bucketName: `acme-data-${environment}-${REGION}-${ACCOUNT}`,
        bucketArn: arnOf(stack, T.bucket, 'bucket'),
        tableName: `acme-metadata-${environment}`,
        tableArn: arnOf(stack, T.table, 'metadata'),
        lambdaFunctionArns: Object.fromEntries(functionsOf(environment).map((fn) => [fn, arnOf(stack, T.fn, functionComponent(fn))])),
        successTopicArn: arnOf(stack, T.topic, 'topics-success'),
        failureTopicArn: arnOf(stack, T.topic, 'topics-failure'),
        deadLetterQueueArn: stack.state(queue, 'arn'),
        deadLetterQueueUrl: stack.state(queue, 'url'),
        encryptionKeyArn: arnOf(stack, T.key, 'key'),
        replicationSourceAccountId: ACCOUNT,
        ...(environment === 'prod' ? { replicationRuleArn: arnOf(stack, T.rule, 'replication-rule') } : {}),
      });
    });
  });

  describe('naming', () => {
    it.each(ENVIRONMENT_NAMES)('%s names every resource <company>-<purpose>-<env> within AWS limits', (environment) => {
      const stack = stacks[environment];
      const bucketName = String(stack.find(T.bucket, 'bucket').inputs['bucket']);
      expect(bucketName).toBe(`acme-data-${environment}-eu-west-1-111111111111`);
      expect(bucketName.length).toBeLessThanOrEqual(63);
      expect(bucketNameViolation(bucketName)).toBeUndefined();
      expect(stack.find(T.table, 'metadata').inputs['name']).toBe(`acme-metadata-${environment}`);
      expect(stack.find(T.topic, 'topics-success').inputs['name']).toBe(`acme-replication-success-${environment}`);
      expect(stack.find(T.topic, 'topics-failure').inputs['name']).toBe(`acme-replication-failure-${environment}`);
      expect(stack.find(T.queue, 'dlq').inputs['name']).toBe(`acme-replication-dlq-${environment}`);
      expect(stack.find(T.alias, 'key-alias').inputs['name']).toBe(`alias/acme-data-platform-${environment}`);
      for (const resource of [...stack.ofType(T.fn), ...stack.ofType(T.role), ...stack.ofType(T.rule)]) {
        expect(String(resource.inputs['name'])).toMatch(new RegExp(`^acme-config-[a-z]+-${environment}$`));
        expect(String(resource.inputs['name']).length).toBeLessThanOrEqual(64);
      }
    });

    it('gives every named resource of every environment its own physical name', () => {
      const named = [T.bucket, T.table, T.topic, T.queue, T.alias, T.fn, T.role, T.logGroup, T.rule, T.alarm];
      const physical = ENVIRONMENT_NAMES.flatMap((environment) =>
        stacks[environment].resources
          .filter((resource) => (named as readonly string[]).includes(resource.type))
          .map((resource) => `${resource.type} ${String(resource.inputs['name'] ?? resource.inputs['bucket'])}`),
      );
      expect(physical.every((name) => name.includes(' acme-') || name.includes(' alias/acme-') || name.includes(' /aws/lambda/acme-'))).toBe(true);
      expect(physical).toHaveLength(11 + 11 + 16);
      expect(new Set(physical).size).toBe(physical.length);
    });
  });

  describe('data bucket', () => {
    it.each(ENVIRONMENT_NAMES)('%s versions its bucket and applies the 30-day lifecycle, never expiring config/', (environment) => {
      const stack = stacks[environment];
      const bucketName = stack.outputs['bucketName'];
      expect(stack.find(T.versioning, 'bucket-versioning').inputs).toMatchObject({ bucket: bucketName, versioningConfiguration: { status: 'Enabled' } });
      const lifecycle = stack.find(T.lifecycle, 'bucket-lifecycle');
      expect(lifecycle.inputs['bucket']).toBe(bucketName);
      const rules = lifecycle.inputs['rules'] as { id: string; filter?: { prefix?: string }; expiration?: { days?: number } }[];
      expect(rules).toEqual([
        {
          id: 'expire-noncurrent-versions',
          status: 'Enabled',
          filter: {},
          noncurrentVersionExpiration: { noncurrentDays: 30 },
          expiration: { expiredObjectDeleteMarker: true },
        },
        { id: 'expire-pipeline-data', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
        { id: 'abort-incomplete-multipart-uploads', status: 'Enabled', filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
      ]);
      for (const rule of rules.filter((candidate) => candidate.expiration?.days !== undefined)) {
        expect('config/x'.startsWith(rule.filter?.prefix ?? '')).toBe(false);
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s blocks public access, enforces bucket ownership, encrypts with its key and requires TLS', (environment) => {
      const stack = stacks[environment];
      const bucketName = stack.outputs['bucketName'];
      const bucketArn = String(stack.outputs['bucketArn']);
      expect(stack.find(T.publicAccessBlock, 'bucket-public-access-block').inputs).toEqual({
        bucket: bucketName,
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
      });
      expect(stack.find(T.ownership, 'bucket-ownership').inputs).toEqual({ bucket: bucketName, rule: { objectOwnership: 'BucketOwnerEnforced' } });
      expect(stack.find(T.encryption, 'bucket-encryption').inputs).toEqual({
        bucket: bucketName,
        rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: stack.outputs['encryptionKeyArn'] }, bucketKeyEnabled: true }],
      });
      const policy = stack.find(T.bucketPolicy, 'bucket-policy');
      expect(policy.inputs['bucket']).toBe(bucketName);
      expect(stack.json(policy, 'policy')).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'DenyInsecureTransport',
            Effect: 'Deny',
            Principal: '*',
            Action: 's3:*',
            Resource: [bucketArn, `${bucketArn}/*`],
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          },
        ],
      });
    });

    it.each(ENVIRONMENT_NAMES)('%s notifies the monitor of config/ object changes only, and only this bucket may invoke it', (environment) => {
      const stack = stacks[environment];
      const monitorArn = arnOf(stack, T.fn, 'monitor');
      expect(stack.find(T.notification, 'monitor-config-objects').inputs).toEqual({
        bucket: stack.outputs['bucketName'],
        lambdaFunctions: [
          { id: 'config-object-changes', lambdaFunctionArn: monitorArn, events: ['s3:ObjectCreated:*', 's3:ObjectRemoved:*'], filterPrefix: 'config/' },
        ],
      });
      expect(stack.find(T.permission, 'monitor-s3-invoke').inputs).toEqual({
        action: 'lambda:InvokeFunction',
        function: `acme-config-monitor-${environment}`,
        principal: 's3.amazonaws.com',
        sourceArn: stack.outputs['bucketArn'],
        sourceAccount: ACCOUNT,
      });
    });
  });

  describe('metadata table', () => {
    it.each(ENVIRONMENT_NAMES)('%s bills on demand, recovers to a point in time, encrypts with its key and streams new and old images', (environment) => {
      const stack = stacks[environment];
      expect(stack.find(T.table, 'metadata').inputs).toMatchObject({
        name: `acme-metadata-${environment}`,
        billingMode: 'PAY_PER_REQUEST',
        pointInTimeRecovery: { enabled: true },
        serverSideEncryption: { enabled: true, kmsKeyArn: stack.outputs['encryptionKeyArn'] },
        streamEnabled: true,
        streamViewType: 'NEW_AND_OLD_IMAGES',
        deletionProtectionEnabled: environment === 'prod',
      });
    });

    it('has one schema, identical in all three stacks and equal to the shared constant', () => {
      const schemaOf = (environment: EnvironmentName) => {
        const { hashKey, rangeKey, attributes, globalSecondaryIndexes } = stacks[environment].find(T.table, 'metadata').inputs;
        return { hashKey, rangeKey, attributes, globalSecondaryIndexes };
      };
      expect(schemaOf('staging')).toEqual(schemaOf('dev'));
      expect(schemaOf('prod')).toEqual(schemaOf('dev'));
      expect(schemaOf('prod')).toEqual(JSON.parse(JSON.stringify(METADATA_TABLE_SCHEMA)));
    });
  });

  describe('encryption', () => {
    it.each(ENVIRONMENT_NAMES)('%s has its own rotating customer-managed key that CloudWatch alarms may use, for this account’s alarms only', (environment) => {
      const stack = stacks[environment];
      const key = stack.find(T.key, 'key');
      expect(key.inputs).toMatchObject({ enableKeyRotation: true, deletionWindowInDays: 30 });
      expect(stack.json<PolicyDocument>(key, 'policy').Statement).toEqual([
        { Sid: 'AccountAdministersKeyThroughIam', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: 'kms:*', Resource: '*' },
        {
          Sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
          Resource: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': ACCOUNT },
            ArnLike: { 'aws:SourceArn': `arn:aws:cloudwatch:${REGION}:${ACCOUNT}:alarm:acme-*-${environment}` },
          },
        },
      ]);
      const keyArns = ENVIRONMENT_NAMES.map((name) => stacks[name].outputs['encryptionKeyArn']);
      expect(new Set(keyArns).size).toBe(3);
    });

    it.each(ENVIRONMENT_NAMES)('%s encrypts both topics with its key and the DLQ with SSE-SQS, keeping dead letters 14 days', (environment) => {
      const stack = stacks[environment];
      for (const topic of stack.ofType(T.topic)) {
        expect(topic.inputs['kmsMasterKeyId']).toBe(stack.outputs['encryptionKeyArn']);
      }
      expect(stack.ofType(T.topic)).toHaveLength(2);
      expect(stack.find(T.queue, 'dlq').inputs).toMatchObject({ sqsManagedSseEnabled: true, messageRetentionSeconds: 14 * 86_400 });
    });
  });

  describe('functions', () => {
    it.each(ENVIRONMENT_NAMES)('%s runs Node.js 24 on arm64 from the built bundle, within 300 s, logging JSON to a log group with retention', async (environment) => {
      const stack = stacks[environment];
      const workspace = findWorkspaceRoot(process.cwd()) ?? '';
      for (const fn of functionsOf(environment)) {
        const component = functionComponent(fn);
        const resource = stack.find(T.fn, component);
        const logGroup = stack.find(T.logGroup, `${component}-logs`);
        const settings = ENVIRONMENT_DEFAULTS[fn];
        expect(resource.inputs).toMatchObject({
          name: `acme-config-${fn}-${environment}`,
          runtime: 'nodejs24.x',
          architectures: ['arm64'],
          handler: LAMBDA_FUNCTIONS[fn].handler,
          timeout: settings.timeoutSeconds,
          memorySize: settings.memoryMb,
          role: arnOf(stack, T.role, `${component}-role`),
          loggingConfig: { logFormat: 'JSON', logGroup: `/aws/lambda/acme-config-${fn}-${environment}`, applicationLogLevel: 'INFO', systemLogLevel: 'WARN' },
        });
        expect(resource.inputs['timeout']).toBeLessThanOrEqual(300);
        expect(logGroup.inputs).toEqual({ name: `/aws/lambda/acme-config-${fn}-${environment}`, retentionInDays: environment === 'prod' ? 90 : 30 });
        // The archive is the esbuild output directory, never the TypeScript sources.
        const archivePath = await (resource.inputs['code'] as { path: Promise<string> }).path;
        expect(resolve(process.cwd(), archivePath)).toBe(join(workspace, LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS[fn].bundleDirectory));
        expect(existsSync(join(workspace, LAMBDA_BUNDLE_ROOT, LAMBDA_FUNCTIONS[fn].bundleDirectory, LAMBDA_FUNCTIONS[fn].entryFile))).toBe(true);
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s gives the monitor exactly the variables the contract defines', (environment) => {
      const stack = stacks[environment];
      expect(stack.find(T.fn, 'monitor').inputs['environment']).toEqual({
        variables: monitorVariables({ environment, eventBusName: 'default', configPrefix: 'config/', deadLetterQueueUrl: String(stack.outputs['deadLetterQueueUrl']) }),
      });
    });

    it.each(ENVIRONMENT_NAMES)('%s feeds the monitor from the table stream, reporting partial failures, bisecting, bounded, then the DLQ', (environment) => {
      const stack = stacks[environment];
      expect(stack.find(T.streamMapping, 'monitor-table-stream').inputs).toEqual({
        eventSourceArn: stack.state(stack.find(T.table, 'metadata'), 'streamArn'),
        functionName: arnOf(stack, T.fn, 'monitor'),
        startingPosition: 'LATEST',
        batchSize: 100,
        maximumBatchingWindowInSeconds: 1,
        functionResponseTypes: ['ReportBatchItemFailures'],
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: 5,
        maximumRecordAgeInSeconds: 3_600,
        destinationConfig: { onFailure: { destinationArn: stack.outputs['deadLetterQueueArn'] } },
      });
    });

    it.each(ENVIRONMENT_NAMES)('%s sends failed asynchronous invocations of every function to the DLQ', (environment) => {
      const stack = stacks[environment];
      expect(stack.ofType(T.invokeConfig)).toHaveLength(functionsOf(environment).length);
      for (const fn of functionsOf(environment)) {
        expect(stack.find(T.invokeConfig, `${functionComponent(fn)}-async-invoke`).inputs).toEqual({
          functionName: `acme-config-${fn}-${environment}`,
          maximumRetryAttempts: 2,
          maximumEventAgeInSeconds: 3_600,
          destinationConfig: { onFailure: { destination: stack.outputs['deadLetterQueueArn'] } },
        });
      }
    });
  });

  describe('replication', () => {
    it.each(['dev', 'staging'] as const)('%s has no replicator, no rule and no rule target', (environment) => {
      const stack = stacks[environment];
      expect(stack.ofType(T.fn).map((fn) => fn.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
      expect(stack.ofType(T.role).map((role) => role.inputs['name'])).toEqual([`acme-config-monitor-${environment}`]);
      expect(stack.ofType(T.rule)).toEqual([]);
      expect(stack.ofType(T.ruleTarget)).toEqual([]);
      expect(stack.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    });

    it('prod reads dev and staging through StackReferences named <org>/infra-<env>/<env>', () => {
      const references = stacks.prod.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference');
      expect(references.map((reference) => reference.name)).toEqual(['organization/infra-dev/dev', 'organization/infra-staging/staging']);
    });

    it('prod matches exactly the contract pattern: this system’s prod events in prod’s account', () => {
      const rule = stacks.prod.find(T.rule, 'replication-rule');
      expect(rule.inputs).toMatchObject({ name: 'acme-config-replication-prod', eventBusName: 'default', state: 'ENABLED' });
      expect(stacks.prod.json(rule, 'eventPattern')).toEqual(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT }));
      expect(rule.inputs['eventPattern']).toBe(JSON.stringify(replicationRulePattern({ sourceEnvironment: 'prod', accountId: ACCOUNT })));
    });

    it('prod delivers to the replicator with a retry policy and the DLQ, invoked only by its rule', () => {
      const prod = stacks.prod;
      const ruleArn = arnOf(prod, T.rule, 'replication-rule');
      expect(prod.find(T.ruleTarget, 'replication-rule-target').inputs).toEqual({
        rule: 'acme-config-replication-prod',
        eventBusName: 'default',
        targetId: 'replicator',
        arn: arnOf(prod, T.fn, 'replication'),
        retryPolicy: { maximumRetryAttempts: 10, maximumEventAgeInSeconds: 3_600 },
        deadLetterConfig: { arn: prod.outputs['deadLetterQueueArn'] },
      });
      expect(prod.find(T.permission, 'replication-rule-invoke').inputs).toEqual({
        action: 'lambda:InvokeFunction',
        function: 'acme-config-replicator-prod',
        principal: 'events.amazonaws.com',
        sourceArn: ruleArn,
      });
    });

    it('prod configures the replicator with dev and staging as the StackReferences returned them', () => {
      const { dev, staging, prod } = stacks;
      const target = (stack: PlannedStack) => ({
        environment: stack.environment,
        tableName: String(stack.outputs['tableName']),
        bucketName: String(stack.outputs['bucketName']),
        successTopicArn: String(stack.outputs['successTopicArn']),
        failureTopicArn: String(stack.outputs['failureTopicArn']),
      });
      const variables = (prod.find(T.fn, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
      expect(variables).toEqual(
        replicatorVariables({
          environment: 'prod',
          sourceTableName: 'acme-metadata-prod',
          sourceBucketName: String(prod.outputs['bucketName']),
          configPrefix: 'config/',
          deadLetterQueueUrl: String(prod.outputs['deadLetterQueueUrl']),
          targets: [target(dev), target(staging)],
          retry: DEFAULT_RETRY,
        }),
      );
      // What the Lambda reads back at cold start.
      expect(readReplicatorSettings(variables).targets.map((entry) => entry.environment)).toEqual(['dev', 'staging']);
    });

    it('prod nests its retry budgets: the code’s backoff ends within half the replicator timeout', () => {
      const variables = (stacks.prod.find(T.fn, 'replication').inputs['environment'] as { variables: Record<string, string> }).variables;
      const timeoutMs = Number(stacks.prod.find(T.fn, 'replication').inputs['timeout']) * 1_000;
      expect(worstCaseBackoffMs(readReplicatorSettings(variables).retry)).toBeLessThanOrEqual(timeoutMs / 2);
    });
  });

  describe('dead-letter queue and alarms', () => {
    it.each(ENVIRONMENT_NAMES)('%s lets only its own function roles (and prod its rule) send dead letters', (environment) => {
      const stack = stacks[environment];
      const queueArn = String(stack.outputs['deadLetterQueueArn']);
      const roleArns = stack.ofType(T.role).map((role) => stack.state(role, 'arn'));
      const policy = stack.find(T.queuePolicy, 'dlq-policy');
      expect(policy.inputs['queueUrl']).toBe(stack.outputs['deadLetterQueueUrl']);
      const ruleArns = environment === 'prod' ? [arnOf(stack, T.rule, 'replication-rule')] : [];
      expect(stack.json<PolicyDocument>(policy, 'policy').Statement).toEqual([
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: queueArn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ...(environment === 'prod'
          ? [{ Sid: 'RuleTargetsDeadLetter', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': ruleArns } } }]
          : []),
        {
          Sid: 'DenyOtherSenders',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: queueArn,
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': roleArns, ...(environment === 'prod' ? { 'aws:SourceArn': ruleArns } : {}) } },
        },
      ]);
    });

    it.each(ENVIRONMENT_NAMES)('%s alarms on DLQ depth and on each function’s errors, to the failure topic', (environment) => {
      const stack = stacks[environment];
      const failureTopicArn = stack.outputs['failureTopicArn'];
      const alarms = stack.ofType(T.alarm);
      const watched = alarms.map((alarm) => ({ metric: `${alarm.inputs['namespace']}/${alarm.inputs['metricName']}`, dimensions: alarm.inputs['dimensions'] }));
      expect(watched).toEqual([
        { metric: 'AWS/SQS/ApproximateNumberOfMessagesVisible', dimensions: { QueueName: stack.find(T.queue, 'dlq').state['name'] } },
        ...functionsOf(environment).map((fn) => ({ metric: 'AWS/Lambda/Errors', dimensions: { FunctionName: stack.find(T.fn, functionComponent(fn)).state['name'] } })),
      ]);
      for (const alarm of alarms) {
        expect(alarm.inputs).toMatchObject({
          comparisonOperator: 'GreaterThanThreshold',
          threshold: 0,
          period: 60,
          evaluationPeriods: 1,
          treatMissingData: 'notBreaching',
          alarmActions: [failureTopicArn],
          okActions: [failureTopicArn],
        });
      }
      // Each alarm is one the failure topic's policy and the key's policy admit.
      const topicPolicy = stack.json<PolicyDocument>(stack.find(T.topicPolicy, 'topics-failure-policy'), 'policy');
      const cloudWatch = topicPolicy.Statement.find((statement) => statement.Sid === 'CloudWatchAlarmsPublish');
      const pattern = String(cloudWatch?.Condition?.['ArnLike']?.['aws:SourceArn']);
      for (const alarm of alarms) {
        expect(stack.state(alarm, 'arn')).toMatch(new RegExp(`^${pattern.replace(/\*/g, '.*')}$`));
      }
    });
  });

  describe('tags and providers', () => {
    it.each(ENVIRONMENT_NAMES)('%s tags every taggable resource with Environment, Project and ManagedBy', (environment) => {
      const taggable = stacks[environment].resources.filter((resource) => resource.taggable);
      expect(taggable.length).toBeGreaterThanOrEqual(12);
      for (const resource of taggable) {
        expect({ resource: resource.name, tags: resource.state['tagsAll'] }).toEqual({
          resource: resource.name,
          tags: expect.objectContaining({ Environment: environment, Project: 'data-pipeline-platform', ManagedBy: 'pulumi' }),
        });
        expect(Object.keys(resource.state['tagsAll'] as object)).toEqual(expect.arrayContaining([...REQUIRED_TAG_KEYS]));
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s creates every AWS resource with its one explicit provider, pinned to its account', (environment) => {
      const stack = stacks[environment];
      const [provider] = stack.ofType(T.provider);
      expect(stack.ofType(T.provider)).toHaveLength(1);
      expect(provider.name).toBe(`aws-${environment}`);
      expect(provider.inputs).toMatchObject({ region: REGION, allowedAccountIds: JSON.stringify([ACCOUNT]) });
      const awsResources = stack.resources.filter((resource) => resource.custom && resource.type.startsWith('aws:'));
      expect(awsResources.length).toBeGreaterThan(20);
      for (const resource of awsResources) {
        expect({ resource: resource.name, provider: resource.provider }).toEqual({ resource: resource.name, provider: `aws-${environment}` });
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s parents every resource under its EnvironmentModule', (environment) => {
      const stack = stacks[environment];
      const root = `data-platform:environment:EnvironmentModule::data-platform-${environment}`;
      const parents = new Map(stack.resources.map((resource) => [`${resource.type}::${resource.name}`, resource.parent]));
      const underModule = (key: string | undefined): boolean => key === root || (key !== undefined && underModule(parents.get(key)));
      for (const resource of stack.resources.filter((candidate) => candidate.type.startsWith('aws:'))) {
        expect({ resource: resource.name, underModule: underModule(resource.parent) }).toEqual({ resource: resource.name, underModule: true });
      }
    });
  });

  describe('IAM documents', () => {
    it.each(ENVIRONMENT_NAMES)('%s lets only Lambda, for this account, assume each function role', (environment) => {
      for (const role of stacks[environment].ofType(T.role)) {
        expect(stacks[environment].json(role, 'assumeRolePolicy')).toEqual({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'LambdaAssumesFunctionRole',
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: 'sts:AssumeRole',
              Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT } },
            },
          ],
        });
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s role policies allow no "*" or service-wide action, and "*" resources only for actions that have no resource type', async (environment) => {
      for (const policy of stacks[environment].ofType(T.rolePolicy)) {
        for (const statement of statements(stacks[environment].json<PolicyDocument>(policy, 'policy'))) {
          expect(statement.Effect).toBe('Allow');
          for (const action of asList(statement.Action)) {
            expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+\*?$/);
            expect(action.endsWith(':*')).toBe(false);
          }
          if (asList(statement.Resource).includes('*')) {
            for (const action of asList(statement.Action)) {
              const [service, name] = action.split(':');
              expect({ action, wildcardOnly: await isWildcardOnlyAction(service, name) }).toEqual({ action, wildcardOnly: true });
            }
          }
        }
      }
    });

    it.each(ENVIRONMENT_NAMES)('%s monitor may read its own stream, publish its own events, dead-letter and log: nothing else', (environment) => {
      const stack = stacks[environment];
      const policy = stack.find(T.rolePolicy, 'monitor-permissions');
      expect(policy.inputs['role']).toBe(`acme-config-monitor-${environment}`);
      expect(stack.json(policy, 'policy')).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'WriteOwnLogs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: `${arnOf(stack, T.logGroup, 'monitor-logs')}:log-stream:*`,
          },
          { Sid: 'SendDeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: stack.outputs['deadLetterQueueArn'] },
          {
            Sid: 'ReadMetadataTableStream',
            Effect: 'Allow',
            Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
            Resource: stack.state(stack.find(T.table, 'metadata'), 'streamArn'),
          },
          { Sid: 'ListTableStreams', Effect: 'Allow', Action: ['dynamodb:ListStreams'], Resource: '*' },
          {
            Sid: 'PublishConfigurationChanges',
            Effect: 'Allow',
            Action: ['events:PutEvents'],
            Resource: `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/default`,
            Condition: {
              'ForAllValues:StringEquals': { 'events:source': ['data-platform.configuration-monitor'], 'events:detail-type': ['ConfigurationChanged'] },
              Null: { 'events:source': 'false', 'events:detail-type': 'false' },
            },
          },
          {
            Sid: 'DecryptTableStream',
            Effect: 'Allow',
            Action: ['kms:Decrypt'],
            Resource: stack.outputs['encryptionKeyArn'],
            Condition: { StringEquals: { 'kms:ViaService': [`dynamodb.${REGION}.amazonaws.com`] } },
          },
        ],
      });
    });

    it('prod replicator reads prod config only, writes dev and staging config only, publishes to their topics, dead-letters in prod', () => {
      const { dev, staging, prod } = stacks;
      const targets = [dev, staging];
      const config = (stack: PlannedStack) => `${String(stack.outputs['bucketArn'])}/config/*`;
      const policy = prod.find(T.rolePolicy, 'replication-permissions');
      expect(policy.inputs['role']).toBe('acme-config-replicator-prod');
      expect(prod.json(policy, 'policy')).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'WriteOwnLogs',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: `${arnOf(prod, T.logGroup, 'replication-logs')}:log-stream:*`,
          },
          { Sid: 'SendDeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: prod.outputs['deadLetterQueueArn'] },
          { Sid: 'ReadSourceConfigurationObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectTagging'], Resource: config(prod) },
          { Sid: 'ReadSourceMetadataItems', Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: prod.outputs['tableArn'] },
          {
            Sid: 'DecryptSourceData',
            Effect: 'Allow',
            Action: ['kms:Decrypt'],
            Resource: prod.outputs['encryptionKeyArn'],
            Condition: { StringEquals: { 'kms:ViaService': [`s3.${REGION}.amazonaws.com`, `dynamodb.${REGION}.amazonaws.com`] } },
          },
          { Sid: 'ListSourceAndTargetBuckets', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [prod, ...targets].map((stack) => stack.outputs['bucketArn']) },
          { Sid: 'ReadTargetConfigurationObjects', Effect: 'Allow', Action: ['s3:GetObject'], Resource: targets.map(config) },
          { Sid: 'WriteTargetConfigurationObjects', Effect: 'Allow', Action: ['s3:PutObject', 's3:PutObjectTagging', 's3:DeleteObject'], Resource: targets.map(config) },
          { Sid: 'WriteTargetMetadataItems', Effect: 'Allow', Action: ['dynamodb:PutItem', 'dynamodb:DeleteItem'], Resource: targets.map((stack) => stack.outputs['tableArn']) },
          {
            Sid: 'PublishTargetOutcomes',
            Effect: 'Allow',
            Action: ['sns:Publish'],
            Resource: targets.flatMap((stack) => [stack.outputs['successTopicArn'], stack.outputs['failureTopicArn']]),
          },
          {
            Sid: 'EncryptForTargets',
            Effect: 'Allow',
            Action: ['kms:GenerateDataKey', 'kms:Decrypt'],
            Resource: targets.map((stack) => stack.outputs['encryptionKeyArn']),
            Condition: { StringEquals: { 'kms:ViaService': [`s3.${REGION}.amazonaws.com`, `sns.${REGION}.amazonaws.com`] } },
          },
          {
            Sid: 'UseTargetTableKeys',
            Effect: 'Allow',
            Action: ['kms:Decrypt'],
            Resource: targets.map((stack) => stack.outputs['encryptionKeyArn']),
            Condition: { StringEquals: { 'kms:ViaService': [`dynamodb.${REGION}.amazonaws.com`] } },
          },
        ],
      });
    });

    it.each(ENVIRONMENT_NAMES)('%s resource policies allow nobody from anywhere: "*" principals only deny', (environment) => {
      const stack = stacks[environment];
      const documents = [
        ...stack.ofType(T.bucketPolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
        ...stack.ofType(T.queuePolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
        ...stack.ofType(T.topicPolicy).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
        ...stack.ofType(T.key).map((resource) => stack.json<PolicyDocument>(resource, 'policy')),
      ];
      expect(documents).toHaveLength(5);
      for (const statement of documents.flatMap(statements)) {
        if (statement.Principal === '*') {
          expect(statement.Effect).toBe('Deny');
        }
      }
      // Same account: no cross-account grants anywhere.
      expect(stack.ofType(T.tablePolicy)).toEqual([]);
      expect(JSON.stringify(documents)).not.toContain('ProdReplicator');
    });
  });
});

describe('prod configured without replication targets', () => {
  let prod: PlannedStack;
  beforeAll(async () => {
    prod = await planEnvironment('prod', { configOverrides: { 'platform:replicationTargets': '[]' } });
  }, 30_000);

  it('runs the monitor only: no replicator, rule or StackReference, and no rule ARN output', () => {
    expect(prod.ofType(T.fn).map((fn) => fn.inputs['name'])).toEqual(['acme-config-monitor-prod']);
    expect(prod.ofType(T.rule)).toEqual([]);
    expect(prod.resources.filter((resource) => resource.type === 'pulumi:pulumi:StackReference')).toEqual([]);
    expect(prod.outputs).not.toHaveProperty('replicationRuleArn');
    expect(awsResourceCount(prod.resources)).toBe(26);
  });
});

function awsResourceCount(resources: readonly OfflineResource[]): number {
  return resources.filter((resource) => resource.custom && resource.type.startsWith('aws:')).length;
}

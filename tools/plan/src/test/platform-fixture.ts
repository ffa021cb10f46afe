// A small program shaped like the platform's apps (explicit provider with default
// tags, a component owning a compliant bucket, table, queue, topic and function,
// and for the downstream stack a StackReference whose outputs reach a role policy
// and an environment variable), so the plan is tested without the real apps.
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';

export class FixtureConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FixtureConfigError';
  }
}

interface FixtureConfig {
  readonly environment: string;
  readonly accountId: string;
  readonly region: string;
  readonly timeoutSeconds: number;
  readonly billingMode: string;
  readonly failInApply: boolean;
  readonly targets: string[];
}

function readConfig(): FixtureConfig {
  const fixture = new pulumi.Config('fixture');
  const timeoutSeconds = fixture.getNumber('timeoutSeconds') ?? 60;
  if (timeoutSeconds > 300) {
    throw new FixtureConfigError(`Invalid stack configuration:\n  - fixture:timeoutSeconds=${timeoutSeconds} is invalid: must be at most 300`);
  }
  return {
    environment: fixture.require('environment'),
    accountId: new pulumi.Config('platform').require('accountId'),
    region: new pulumi.Config('aws').require('region'),
    timeoutSeconds,
    billingMode: fixture.get('billingMode') ?? 'PAY_PER_REQUEST',
    failInApply: fixture.getBoolean('failInApply') ?? false,
    targets: fixture.getObject<string[]>('targets') ?? [],
  };
}

class FixtureEnvironment extends pulumi.ComponentResource {
  readonly bucketName: pulumi.Output<string>;
  readonly bucketArn: pulumi.Output<string>;
  readonly tableArn: pulumi.Output<string>;
  readonly functionArn: pulumi.Output<string>;

  constructor(name: string, config: FixtureConfig, targets: { bucketArn: pulumi.Output<string>; bucketName: pulumi.Output<string> }[], opts: pulumi.ComponentResourceOptions) {
    super('plan-fixture:index:Environment', name, {}, opts);
    const parent = { parent: this };
    const bucketName = `fixture-data-${config.environment}-${config.accountId}`;
    const bucket = new aws.s3.Bucket(`${name}-data`, { bucket: bucketName }, parent);
    new aws.s3.BucketVersioning(`${name}-versioning`, { bucket: bucket.bucket, versioningConfiguration: { status: 'Enabled' } }, parent);
    new aws.s3.BucketLifecycleConfiguration(
      `${name}-lifecycle`,
      {
        bucket: bucket.bucket,
        rules: [
          { id: 'noncurrent-versions', status: 'Enabled', filter: {}, noncurrentVersionExpiration: { noncurrentDays: 30 } },
          { id: 'data-objects', status: 'Enabled', filter: { prefix: 'data/' }, expiration: { days: 30 } },
        ],
      },
      parent,
    );
    new aws.s3.BucketPublicAccessBlock(`${name}-public-access`, { bucket: bucket.bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, parent);
    new aws.s3.BucketServerSideEncryptionConfiguration(`${name}-encryption`, { bucket: bucket.bucket, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] }, parent);
    new aws.s3.BucketPolicy(
      `${name}-tls-only`,
      {
        bucket: bucket.bucket,
        policy: pulumi.jsonStringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [bucket.arn, pulumi.interpolate`${bucket.arn}/*`], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }],
        }),
      },
      parent,
    );
    const table = new aws.dynamodb.Table(
      `${name}-metadata`,
      { name: `fixture-metadata-${config.environment}`, billingMode: config.billingMode, hashKey: 'pk', attributes: [{ name: 'pk', type: 'S' }], pointInTimeRecovery: { enabled: true }, ...(config.billingMode === 'PROVISIONED' ? { readCapacity: 1, writeCapacity: 1 } : {}) },
      parent,
    );
    const queue = new aws.sqs.Queue(`${name}-dead-letters`, { name: `fixture-dlq-${config.environment}`, sqsManagedSseEnabled: true, messageRetentionSeconds: 1209600 }, parent);
    new aws.sns.Topic(`${name}-success`, { name: `fixture-success-${config.environment}`, kmsMasterKeyId: 'alias/aws/sns' }, parent);
    const role = new aws.iam.Role(
      `${name}-function-role`,
      {
        assumeRolePolicy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
        inlinePolicies: [
          {
            name: 'access',
            policy: pulumi.jsonStringify({
              Version: '2012-10-17',
              Statement: [
                { Sid: 'ReadConfig', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [pulumi.interpolate`${bucket.arn}/config/*`] },
                { Sid: 'ReadTable', Effect: 'Allow', Action: ['dynamodb:GetItem'], Resource: [table.arn] },
                { Sid: 'DeadLetters', Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [queue.arn] },
                ...targets.map((target, index) => ({ Sid: `WriteTarget${index}`, Effect: 'Allow', Action: ['s3:PutObject'], Resource: [pulumi.interpolate`${target.bucketArn}/config/*`] })),
              ],
            }),
          },
        ],
      },
      parent,
    );
    const fn = new aws.lambda.Function(
      `${name}-worker`,
      {
        name: `fixture-worker-${config.environment}`,
        role: role.arn,
        runtime: 'nodejs24.x',
        architectures: ['arm64'],
        handler: 'index.handler',
        timeout: config.timeoutSeconds,
        code: new pulumi.asset.AssetArchive({ 'index.mjs': new pulumi.asset.StringAsset('export const handler = async () => {};') }),
        environment: { variables: { TARGET_BUCKETS: pulumi.all(targets.map((target) => target.bucketName)).apply((names) => names.join(',')) } },
      },
      parent,
    );
    if (config.targets.length > 0) {
      const rule = new aws.cloudwatch.EventRule(
        `${name}-changes`,
        { name: `fixture-changes-${config.environment}`, eventPattern: JSON.stringify({ source: ['fixture.monitor'], detail: { environment: [config.environment] } }) },
        parent,
      );
      new aws.cloudwatch.EventTarget(`${name}-changes-target`, { rule: rule.name, arn: fn.arn, deadLetterConfig: { arn: queue.arn }, retryPolicy: { maximumRetryAttempts: 4, maximumEventAgeInSeconds: 3600 } }, parent);
      new aws.lambda.Permission(`${name}-invoke-from-rule`, { action: 'lambda:InvokeFunction', function: fn.name, principal: 'events.amazonaws.com', sourceArn: rule.arn }, parent);
    }
    if (config.failInApply) {
      fn.arn.apply(() => {
        throw new Error('fixture: the worker ARN was rejected inside an apply');
      });
    }
    this.bucketName = bucket.bucket;
    this.bucketArn = bucket.arn;
    this.tableArn = table.arn;
    this.functionArn = fn.arn;
    this.registerOutputs({ bucketName: this.bucketName, bucketArn: this.bucketArn, tableArn: this.tableArn, functionArn: this.functionArn });
  }
}

/** The program both fixture projects run. */
export function fixtureProgram(): Record<string, pulumi.Output<unknown>> {
  const config = readConfig();
  const provider = new aws.Provider('aws', {
    region: config.region as aws.Region,
    allowedAccountIds: [config.accountId],
    defaultTags: { tags: { Environment: config.environment, Project: 'plan-fixture', ManagedBy: 'pulumi' } },
  });
  const targets = config.targets.map((target) => {
    const reference = new pulumi.StackReference(`${pulumi.getOrganization()}/plan-fixture-upstream/${target}`);
    return { bucketArn: reference.requireOutput('bucketArn') as pulumi.Output<string>, bucketName: reference.requireOutput('bucketName') as pulumi.Output<string> };
  });
  const environment = new FixtureEnvironment(`fixture-${config.environment}`, config, targets, { providers: [provider] });
  return {
    environment: pulumi.output(config.environment),
    bucketName: environment.bucketName,
    bucketArn: environment.bucketArn,
    tableArn: environment.tableArn,
    functionArn: environment.functionArn,
  };
}

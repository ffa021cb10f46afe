import { providerDefaultTags } from '@data-platform/guardrails';
import type { PlannedResource } from '../plan-document';
import { describePolicyDocument } from './policy-statements';

type Props = Readonly<Record<string, unknown>>;
type Describe = (inputs: Props, state: Props) => string[];

/**
 * The settings a reviewer checks, per resource type, as short lines. Values come
 * from the planned state (inputs plus what AWS would compute).
 */
const SETTINGS: Readonly<Record<string, Describe>> = {
  'pulumi:providers:aws': (inputs) => [
    line('region', inputs['region']),
    line('allowed accounts', providerValue(inputs['allowedAccountIds'])),
    line('default tags', inputs['defaultTags'] === undefined ? undefined : describeTags(providerDefaultTags(inputs))),
  ],
  'pulumi:pulumi:StackReference': (inputs) => [line('stack', inputs['name'])],
  'aws:s3/bucket:Bucket': (_inputs, state) => [line('bucket', state['bucket']), line('arn', state['arn']), line('force destroy', state['forceDestroy'])],
  'aws:s3/bucketVersioning:BucketVersioning': (_inputs, state) => [line('versioning', record(state['versioningConfiguration'])['status'])],
  'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration': (_inputs, state) => list(state['rules']).map(describeLifecycleRule),
  'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock': (_inputs, state) => [
    `block public acls ${state['blockPublicAcls']}, block public policy ${state['blockPublicPolicy']}, ignore public acls ${state['ignorePublicAcls']}, restrict public buckets ${state['restrictPublicBuckets']}`,
  ],
  'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration': (_inputs, state) =>
    list(state['rules']).map((rule) => {
      const byDefault = record(record(rule)['applyServerSideEncryptionByDefault']);
      return fields(['encryption', byDefault['sseAlgorithm']], ['key', byDefault['kmsMasterKeyId']], ['bucket key', record(rule)['bucketKeyEnabled']]);
    }),
  'aws:s3/bucketOwnershipControls:BucketOwnershipControls': (_inputs, state) => [line('object ownership', record(state['rule'])['objectOwnership'])],
  'aws:s3/bucketPolicy:BucketPolicy': (_inputs, state) => describePolicyDocument(state['policy']),
  'aws:s3/bucketNotification:BucketNotification': (_inputs, state) => [
    ...list(state['lambdaFunctions']).map((target) => describeNotification('lambda', record(target)['lambdaFunctionArn'], target)),
    ...list(state['queues']).map((target) => describeNotification('queue', record(target)['queueArn'], target)),
    ...list(state['topics']).map((target) => describeNotification('topic', record(target)['topicArn'], target)),
    ...(state['eventbridge'] === true ? ['events to EventBridge'] : []),
  ],
  'aws:dynamodb/table:Table': (_inputs, state) => [
    line('table', state['name']),
    line('arn', state['arn']),
    fields(
      ['billing', state['billingMode'] ?? 'PROVISIONED (default)'],
      ['point-in-time recovery', record(state['pointInTimeRecovery'])['enabled'] === true ? 'on' : 'off'],
      ['deletion protection', state['deletionProtectionEnabled'] === true ? 'on' : 'off'],
    ),
    fields(
      ['hash key', state['hashKey']],
      ['range key', state['rangeKey']],
      ['attributes', list(state['attributes']).map((attribute) => `${record(attribute)['name']}:${record(attribute)['type']}`).join(' ')],
    ),
    ...list(state['globalSecondaryIndexes']).map((index) =>
      fields(['index', record(index)['name']], ['hash key', record(index)['hashKey']], ['range key', record(index)['rangeKey']], ['projection', record(index)['projectionType']]),
    ),
    line('stream', state['streamEnabled'] === true ? `${state['streamViewType']} ${state['streamArn'] ?? ''}`.trim() : undefined),
    line('encryption', state['serverSideEncryption'] === undefined ? undefined : describeObject(state['serverSideEncryption'])),
  ],
  'aws:sns/topic:Topic': (_inputs, state) => [line('topic', state['name']), line('arn', state['arn']), line('kms key', state['kmsMasterKeyId'])],
  'aws:sns/topicPolicy:TopicPolicy': (_inputs, state) => [line('topic', state['arn']), ...describePolicyDocument(state['policy'])],
  'aws:sns/topicSubscription:TopicSubscription': (_inputs, state) => [fields(['', state['protocol']], ['', state['endpoint']], ['from', state['topic']])],
  'aws:sqs/queue:Queue': (_inputs, state) => [
    line('queue', state['name']),
    line('arn', state['arn']),
    line('url', state['url']),
    line('retention', seconds(state['messageRetentionSeconds'])),
    line('encryption', state['kmsMasterKeyId'] ?? (state['sqsManagedSseEnabled'] === true ? 'SQS-managed (SSE-SQS)' : undefined)),
    line('redrive', state['redrivePolicy']),
  ],
  'aws:sqs/queuePolicy:QueuePolicy': (_inputs, state) => [line('queue', state['queueUrl']), ...describePolicyDocument(state['policy'])],
  'aws:lambda/function:Function': (_inputs, state) => [
    line('function', state['name']),
    line('arn', state['arn']),
    fields(['runtime', state['runtime']], ['architectures', list(state['architectures']).join(',')], ['handler', state['handler']]),
    fields(
      ['timeout', seconds(state['timeout'] ?? 3)],
      ['memory', state['memorySize'] === undefined ? '128 MB (default)' : `${state['memorySize']} MB`],
      ['reserved concurrency', state['reservedConcurrentExecutions']],
    ),
    line('role', state['role']),
    line('dead letter', record(state['deadLetterConfig'])['targetArn']),
    ...Object.entries(record(record(state['environment'])['variables'])).map(([key, value]) => `env ${key}=${String(value)}`),
  ],
  'aws:lambda/permission:Permission': (_inputs, state) => [fields(['', state['action']], ['for', state['principal']], ['on', state['function']], ['from', state['sourceArn']])],
  'aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig': (_inputs, state) => [
    fields(['function', state['functionName']], ['max retries', state['maximumRetryAttempts']], ['max event age', seconds(state['maximumEventAgeInSeconds'])]),
    line('on failure', record(record(state['destinationConfig'])['onFailure'])['destination']),
    line('on success', record(record(state['destinationConfig'])['onSuccess'])['destination']),
  ],
  'aws:lambda/eventSourceMapping:EventSourceMapping': (_inputs, state) => [
    fields(['from', state['eventSourceArn']], ['to', state['functionName']]),
    fields(['starting position', state['startingPosition']], ['batch size', state['batchSize']], ['response types', list(state['functionResponseTypes']).join(',')]),
    fields(
      ['max retries', state['maximumRetryAttempts']],
      ['bisect on error', state['bisectBatchOnFunctionError']],
      ['on failure', record(record(state['destinationConfig'])['onFailure'])['destinationArn']],
    ),
  ],
  'aws:iam/role:Role': (_inputs, state) => [
    line('role', state['name']),
    line('arn', state['arn']),
    ...describePolicyDocument(state['assumeRolePolicy']).map((statement) => `trust: ${statement}`),
    ...list(state['inlinePolicies']).flatMap((inline) => describePolicyDocument(record(inline)['policy']).map((statement) => `policy ${record(inline)['name']}: ${statement}`)),
    ...list(state['managedPolicyArns']).map((arn) => `managed policy ${String(arn)}`),
  ],
  'aws:iam/rolePolicy:RolePolicy': (_inputs, state) => [line('role', state['role']), ...describePolicyDocument(state['policy'])],
  'aws:iam/policy:Policy': (_inputs, state) => [line('policy', state['arn']), ...describePolicyDocument(state['policy'])],
  'aws:iam/rolePolicyAttachment:RolePolicyAttachment': (_inputs, state) => [fields(['attaches', state['policyArn']], ['to', state['role']])],
  'aws:cloudwatch/logGroup:LogGroup': (_inputs, state) => [line('log group', state['name']), line('retention', state['retentionInDays'] === undefined ? 'never expires' : `${state['retentionInDays']} days`)],
  'aws:cloudwatch/metricAlarm:MetricAlarm': (_inputs, state) => [
    line('alarm', state['name']),
    fields(
      ['metric', `${String(state['namespace'])} ${String(state['metricName'])}`],
      ['', describeObject(state['dimensions'])],
      ['', `${String(state['statistic'])} ${String(state['comparisonOperator'])} ${String(state['threshold'])}`],
      ['periods', state['evaluationPeriods']],
      ['of', seconds(state['period'])],
    ),
    line('actions', list(state['alarmActions']).join(', ')),
  ],
  'aws:cloudwatch/eventRule:EventRule': (_inputs, state) => [
    line('rule', state['name']),
    line('arn', state['arn']),
    line('bus', state['eventBusName'] ?? 'default'),
    line('state', state['state']),
    line('pattern', compactJson(state['eventPattern'])),
    line('schedule', state['scheduleExpression']),
  ],
  'aws:cloudwatch/eventTarget:EventTarget': (_inputs, state) => [
    fields(['rule', state['rule']], ['to', state['arn']]),
    line('retry', state['retryPolicy'] === undefined ? undefined : describeObject(state['retryPolicy'])),
    line('dead letter', record(state['deadLetterConfig'])['arn']),
  ],
  'aws:kms/key:Key': (_inputs, state) => [line('key', state['arn']), line('rotation', state['enableKeyRotation']), ...describePolicyDocument(state['policy'])],
  'aws:kms/alias:Alias': (_inputs, state) => [fields(['', state['name']], ['to', state['targetKeyId']])],
};

/** The key settings of a resource, one per line; tags last for taggable resources. */
export function keySettings(resource: PlannedResource): string[] {
  const describe = SETTINGS[resource.type] ?? describeGeneric;
  const lines = describe(resource.inputs, resource.state).filter((entry) => entry !== '');
  if (resource.taggable) {
    lines.push(line('tags', describeTags(resource.state['tagsAll'])));
  }
  return lines;
}

function describeGeneric(_inputs: Props, state: Props): string[] {
  return [line('name', state['name']), line('arn', state['arn'])];
}

function describeLifecycleRule(rule: unknown): string {
  const { id, status, filter, prefix, expiration, noncurrentVersionExpiration, abortIncompleteMultipartUpload } = record(rule);
  const scope = record(filter)['prefix'] ?? record(record(filter)['and'])['prefix'] ?? prefix;
  const actions = [
    record(expiration)['days'] === undefined ? undefined : `objects expire after ${record(expiration)['days']} days`,
    record(noncurrentVersionExpiration)['noncurrentDays'] === undefined ? undefined : `noncurrent versions expire after ${record(noncurrentVersionExpiration)['noncurrentDays']} days`,
    record(abortIncompleteMultipartUpload)['daysAfterInitiation'] === undefined
      ? undefined
      : `incomplete uploads aborted after ${record(abortIncompleteMultipartUpload)['daysAfterInitiation']} days`,
  ].filter((action) => action !== undefined);
  return `rule ${String(id)} (${String(status)}, ${typeof scope === 'string' && scope !== '' ? scope : 'whole bucket'}): ${actions.join(', ') || 'no expiry'}`;
}

function describeNotification(kind: string, arn: unknown, target: unknown): string {
  const { events, filterPrefix, filterSuffix } = record(target);
  return fields([kind, arn], ['on', list(events).join(',')], ['prefix', filterPrefix], ['suffix', filterSuffix]);
}

function describeTags(tags: unknown): string {
  const entries = Object.entries(record(tags));
  return entries.length === 0 ? '(none)' : entries.map(([key, value]) => `${key}=${String(value)}`).join(', ');
}

/** Provider inputs reach the engine with structured values as JSON strings. */
function providerValue(value: unknown): unknown {
  if (typeof value !== 'string' || !/^[[{]/.test(value)) {
    return value;
  }
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function describeObject(value: unknown): string {
  return Object.entries(record(value))
    .map(([key, entry]) => `${key}=${typeof entry === 'object' ? JSON.stringify(entry) : String(entry)}`)
    .join(' ');
}

function compactJson(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    return value === undefined ? undefined : JSON.stringify(value);
  }
  try {
    return JSON.stringify(JSON.parse(value));
  } catch {
    return value;
  }
}

function seconds(value: unknown): string | undefined {
  return typeof value === 'number' ? `${value} s` : undefined;
}

/** `label value`, or '' when the value is absent. */
function line(label: string, value: unknown): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return '';
  }
  return `${label} ${Array.isArray(value) ? value.join(', ') : String(value)}`;
}

/** `label value` for each present value (a label whose value is absent is dropped too), comma-separated. */
function fields(...entries: readonly (readonly [label: string, value: unknown])[]): string {
  return entries
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([label, value]) => (label === '' ? String(value) : `${label} ${String(value)}`))
    .join(', ');
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

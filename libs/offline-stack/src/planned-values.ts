import { createHash } from 'node:crypto';

/** Account and region the planned ARNs are built from. */
export interface PlannedLocation {
  readonly accountId: string;
  readonly region: string;
  readonly partition: string;
}

/** Used when the stack config names no account: the documented example account id. */
export const PLACEHOLDER_ACCOUNT_ID = '123456789012';

/** What the provider would answer for a created resource: its id and the state it computes (ARNs, URLs, ids). */
export interface PlannedProviderValues {
  readonly id: string;
  readonly state: Record<string, unknown>;
}

type Inputs = Readonly<Record<string, unknown>>;
type Planner = (inputs: Inputs, logicalName: string, at: PlannedLocation) => PlannedProviderValues;

/**
 * What AWS would report after creating each resource type this platform uses:
 * the physical name (the given one, or Pulumi's auto-name with a deterministic
 * suffix), the id and the ARN in that type's real format. Deterministic, so two
 * plans of the same code and config are byte-identical.
 */
const PLANNERS: Readonly<Record<string, Planner>> = {
  'aws:s3/bucket:Bucket': (inputs, logical, at) => {
    const bucket = physicalName(inputs, 'bucket', logical).toLowerCase();
    return {
      id: bucket,
      state: {
        bucket,
        arn: `arn:${at.partition}:s3:::${bucket}`,
        bucketDomainName: `${bucket}.s3.amazonaws.com`,
        bucketRegionalDomainName: `${bucket}.s3.${at.region}.amazonaws.com`,
        region: at.region,
      },
    };
  },
  'aws:dynamodb/table:Table': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const arn = `arn:${at.partition}:dynamodb:${at.region}:${at.accountId}:table/${name}`;
    const streamLabel = '2026-01-01T00:00:00.000';
    return {
      id: name,
      state: { name, arn, ...(inputs['streamEnabled'] ? { streamArn: `${arn}/stream/${streamLabel}`, streamLabel } : {}) },
    };
  },
  'aws:sns/topic:Topic': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const arn = `arn:${at.partition}:sns:${at.region}:${at.accountId}:${name}`;
    return { id: arn, state: { name, arn } };
  },
  'aws:sqs/queue:Queue': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const url = `https://sqs.${at.region}.amazonaws.com/${at.accountId}/${name}`;
    return { id: url, state: { name, url, arn: `arn:${at.partition}:sqs:${at.region}:${at.accountId}:${name}` } };
  },
  'aws:lambda/function:Function': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const arn = `arn:${at.partition}:lambda:${at.region}:${at.accountId}:function:${name}`;
    return {
      id: name,
      state: {
        name,
        arn,
        qualifiedArn: `${arn}:$LATEST`,
        invokeArn: `arn:${at.partition}:apigateway:${at.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
        version: '$LATEST',
      },
    };
  },
  'aws:iam/role:Role': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const path = typeof inputs['path'] === 'string' ? inputs['path'] : '/';
    return {
      id: name,
      state: { name, arn: `arn:${at.partition}:iam::${at.accountId}:role${path}${name}`, uniqueId: `AROA${digest(name, 17).toUpperCase()}` },
    };
  },
  'aws:iam/policy:Policy': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const arn = `arn:${at.partition}:iam::${at.accountId}:policy/${name}`;
    return { id: arn, state: { name, arn } };
  },
  'aws:cloudwatch/eventRule:EventRule': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    const bus = typeof inputs['eventBusName'] === 'string' ? inputs['eventBusName'] : 'default';
    // The id is the rule name on the default bus, `<bus>/<name>` on another, as in the provider and the ARN.
    const path = bus === 'default' ? name : `${bus}/${name}`;
    return { id: path, state: { name, arn: `arn:${at.partition}:events:${at.region}:${at.accountId}:rule/${path}` } };
  },
  'aws:cloudwatch/logGroup:LogGroup': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    return { id: name, state: { name, arn: `arn:${at.partition}:logs:${at.region}:${at.accountId}:log-group:${name}` } };
  },
  'aws:cloudwatch/metricAlarm:MetricAlarm': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', logical);
    return { id: name, state: { name, arn: `arn:${at.partition}:cloudwatch:${at.region}:${at.accountId}:alarm:${name}` } };
  },
  'aws:kms/key:Key': (_inputs, logical, at) => {
    const keyId = uuid(`${at.accountId}/${at.region}/${logical}`);
    return { id: keyId, state: { keyId, arn: `arn:${at.partition}:kms:${at.region}:${at.accountId}:key/${keyId}` } };
  },
  'aws:kms/alias:Alias': (inputs, logical, at) => {
    const name = physicalName(inputs, 'name', `alias/${logical}`);
    return { id: name, state: { name, arn: `arn:${at.partition}:kms:${at.region}:${at.accountId}:${name}` } };
  },
  'aws:lambda/eventSourceMapping:EventSourceMapping': (_inputs, logical, at) => {
    const uuidValue = uuid(`${at.accountId}/${at.region}/${logical}`);
    return {
      id: uuidValue,
      state: { uuid: uuidValue, arn: `arn:${at.partition}:lambda:${at.region}:${at.accountId}:event-source-mapping:${uuidValue}` },
    };
  },
};

/** Plans a resource: its given inputs, overlaid with the values AWS would compute. */
export function planResource(type: string, logicalName: string, inputs: Inputs, at: PlannedLocation): PlannedProviderValues {
  const planner = PLANNERS[type];
  if (planner) {
    const planned = planner(inputs, logicalName, at);
    return { id: planned.id, state: { ...inputs, ...planned.state } };
  }
  // Attachments, policies, configurations: resources whose id is all AWS reports.
  return { id: `${logicalName}-${digest(logicalName, 8)}`, state: { ...inputs } };
}

/** The given physical name, else Pulumi's auto-name: logical name plus a 7-hex suffix. */
function physicalName(inputs: Inputs, property: string, logicalName: string): string {
  const given = inputs[property];
  return typeof given === 'string' && given !== '' ? given : `${logicalName}-${digest(logicalName, 7)}`;
}

function digest(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

function uuid(seed: string): string {
  const hex = digest(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

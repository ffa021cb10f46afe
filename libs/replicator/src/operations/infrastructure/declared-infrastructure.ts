import {
  attributesText,
  bucketEncryptionText,
  indexText,
  type KeyElement,
  keySchemaText,
  lifecycleRuleId,
  lifecycleRuleText,
  onOff,
  policySettings,
  publicAccessBlockText,
  tagSettings,
} from './canonical-settings';
import type { EnvironmentInfrastructure, Settings } from './infrastructure-settings';
import type { InfrastructureLocation } from './live-infrastructure';

/** The part of an offline plan document (`dist/plan/<stack>.json`) this reads. */
export interface PlanOfStack {
  readonly stack: string;
  readonly location: { readonly accountId: string; readonly region: string };
  readonly resources: readonly {
    readonly type: string;
    readonly inputs: Readonly<Record<string, unknown>>;
    readonly state: Readonly<Record<string, unknown>>;
  }[];
}

/** A plan that cannot describe the deployed environment it is compared with. */
export class PlanMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanMismatchError';
  }
}

type Inputs = Readonly<Record<string, unknown>>;

const TYPE = {
  table: 'aws:dynamodb/table:Table',
  tablePolicy: 'aws:dynamodb/resourcePolicy:ResourcePolicy',
  key: 'aws:kms/key:Key',
  bucket: 'aws:s3/bucket:Bucket',
  versioning: 'aws:s3/bucketVersioning:BucketVersioning',
  lifecycle: 'aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration',
  encryption: 'aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration',
  publicAccessBlock: 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock',
  policy: 'aws:s3/bucketPolicy:BucketPolicy',
  ownership: 'aws:s3/bucketOwnershipControls:BucketOwnershipControls',
} as const;

/**
 * What the program declares for an environment's table and bucket, in the spelling
 * of readLiveInfrastructure. The plan's KMS key ARN is a mock value (the key id is
 * AWS's choice), so the key the plan's table and bucket use stands for the key the
 * deployed stack exports.
 */
export function declaredInfrastructure(
  plan: PlanOfStack,
  location: InfrastructureLocation & { readonly region: string; readonly encryptionKeyArn: string },
): EnvironmentInfrastructure {
  if (plan.location.accountId !== location.accountId || plan.location.region !== location.region) {
    throw new PlanMismatchError(
      `the plan of ${plan.stack} is for account ${plan.location.accountId} in ${plan.location.region}, the ${location.environment} stack is deployed in account ${location.accountId} in ${location.region}: plan this commit with the deployed stack's config`,
    );
  }
  const plannedKeyArns = new Set(plan.resources.filter((resource) => resource.type === TYPE.key).map((resource) => resource.state['arn']));
  const deployedKey = (arn: unknown): string => (plannedKeyArns.has(arn) ? location.encryptionKeyArn : String(arn));
  const ofBucket = (type: string): Inputs | undefined => plan.resources.find((resource) => resource.type === type && resource.inputs['bucket'] === location.bucketName)?.inputs;

  const table = plan.resources.find((resource) => resource.type === TYPE.table && resource.inputs['name'] === location.tableName);
  const bucket = plan.resources.find((resource) => resource.type === TYPE.bucket && resource.inputs['bucket'] === location.bucketName);
  if (table === undefined || bucket === undefined) {
    const missing = table === undefined ? `table ${location.tableName}` : `bucket ${location.bucketName}`;
    throw new PlanMismatchError(`the plan of ${plan.stack} declares no ${missing}, which the ${location.environment} stack's outputs name: plan this commit with the deployed stack's config`);
  }
  return {
    environment: location.environment,
    table: {
      resource: `table ${location.tableName}`,
      settings: {
        ...tableSettings(table.inputs, table.state, deployedKey),
        ...policySettings(plan.resources.find((resource) => resource.type === TYPE.tablePolicy && resource.inputs['resourceArn'] === location.tableArn)?.inputs['policy'] as string | undefined),
      },
    },
    bucket: { resource: `bucket ${location.bucketName}`, settings: bucketSettings(bucket.state, ofBucket, deployedKey) },
  };
}

function tableSettings(inputs: Inputs, state: Inputs, deployedKey: (arn: unknown) => string): Settings {
  const hashKey = String(inputs['hashKey']);
  const tableKeys: KeyElement[] = [{ attributeName: hashKey, keyType: 'HASH' }];
  if (inputs['rangeKey'] !== undefined) {
    tableKeys.push({ attributeName: String(inputs['rangeKey']), keyType: 'RANGE' });
  }
  const encryption = inputs['serverSideEncryption'] as { enabled?: boolean; kmsKeyArn?: string } | undefined;
  const stream = inputs['streamEnabled'] === true ? String(inputs['streamViewType'] ?? 'on') : 'off';
  const settings: Record<string, string> = {
    keySchema: keySchemaText(tableKeys),
    attributes: attributesText(list<{ name: string; type: string }>(inputs['attributes'])),
    // The provider's default, as AWS's.
    billingMode: String(inputs['billingMode'] ?? 'PROVISIONED'),
    stream,
    pointInTimeRecovery: onOff((inputs['pointInTimeRecovery'] as { enabled?: boolean } | undefined)?.enabled),
    deletionProtection: onOff(inputs['deletionProtectionEnabled'] as boolean | undefined),
    encryption: encryption?.enabled === true ? 'KMS' : 'AWS owned key',
  };
  if (encryption?.enabled === true && encryption.kmsKeyArn !== undefined) {
    settings['encryptionKey'] = deployedKey(encryption.kmsKeyArn);
  }
  for (const index of list<Inputs>(inputs['globalSecondaryIndexes'])) {
    settings[`global secondary index ${String(index['name'])}`] = indexText(indexKeys(index), index['projectionType'] as string | undefined, list<string>(index['nonKeyAttributes']));
  }
  for (const index of list<Inputs>(inputs['localSecondaryIndexes'])) {
    const keys: KeyElement[] = [
      { attributeName: hashKey, keyType: 'HASH' },
      { attributeName: String(index['rangeKey']), keyType: 'RANGE' },
    ];
    settings[`local secondary index ${String(index['name'])}`] = indexText(keys, index['projectionType'] as string | undefined, list<string>(index['nonKeyAttributes']));
  }
  return { ...settings, ...plannedTags(state) };
}

/** A global secondary index's keys: `keySchemas` (provider 7) or `hashKey`/`rangeKey`. */
function indexKeys(index: Inputs): KeyElement[] {
  const schemas = list<KeyElement>(index['keySchemas']);
  if (schemas.length > 0) {
    return schemas;
  }
  const keys: KeyElement[] = [{ attributeName: String(index['hashKey']), keyType: 'HASH' }];
  if (index['rangeKey'] !== undefined) {
    keys.push({ attributeName: String(index['rangeKey']), keyType: 'RANGE' });
  }
  return keys;
}

function bucketSettings(bucketState: Inputs, ofBucket: (type: string) => Inputs | undefined, deployedKey: (arn: unknown) => string): Settings {
  const versioning = (ofBucket(TYPE.versioning)?.['versioningConfiguration'] as { status?: string } | undefined)?.status;
  const encryptionRule = list<Inputs>(ofBucket(TYPE.encryption)?.['rules'])[0];
  const byDefault = encryptionRule?.['applyServerSideEncryptionByDefault'] as { sseAlgorithm?: string; kmsMasterKeyId?: string } | undefined;
  const block = ofBucket(TYPE.publicAccessBlock) ?? {};
  const ownership = (ofBucket(TYPE.ownership)?.['rule'] as { objectOwnership?: string } | undefined)?.objectOwnership;
  const settings: Record<string, string> = {
    versioning: versioning ?? 'never enabled',
    encryption: bucketEncryptionText(byDefault?.sseAlgorithm, encryptionRule?.['bucketKeyEnabled'] as boolean | undefined),
    publicAccessBlock: publicAccessBlockText(block as Parameters<typeof publicAccessBlockText>[0]),
    objectOwnership: ownership ?? 'not set',
  };
  if (byDefault?.kmsMasterKeyId !== undefined) {
    settings['encryptionKey'] = deployedKey(byDefault.kmsMasterKeyId);
  }
  list<Inputs>(ofBucket(TYPE.lifecycle)?.['rules']).forEach((rule, index) => {
    settings[`lifecycle rule ${lifecycleRuleId(rule, index)}`] = lifecycleRuleText(rule);
  });
  return { ...settings, ...policySettings(ofBucket(TYPE.policy)?.['policy'] as string | undefined), ...plannedTags(bucketState) };
}

/** `tagsAll`: the resource's tags with the provider's default tags, as AWS will hold them. */
function plannedTags(state: Inputs): Settings {
  const tags = (state['tagsAll'] ?? {}) as Record<string, string>;
  return tagSettings(Object.entries(tags).map(([Key, Value]) => ({ Key, Value })));
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

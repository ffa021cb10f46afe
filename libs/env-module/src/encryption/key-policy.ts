import type { EnvironmentLocation } from '../config/environment-config';
import { accountRootArn } from '../naming/arns';
import { crossAccountRolePrincipal, type PolicyDocument, policyDocument, type PolicyStatement } from '../iam/policy-document';
import { viaServicesIn } from '../iam/kms-via-service';
import { REPLICATOR_ACTIONS } from '../iam/replicator-permissions';

export interface EnvironmentKeyPolicyArgs {
  readonly location: EnvironmentLocation;
  /** ARN pattern of this environment's alarms, which publish to the encrypted failure topic. */
  readonly alarmArnPattern: string;
  readonly crossAccountReplicatorRoleArn?: string;
}

/**
 * Policy of the environment's customer-managed key (bucket, table, topics).
 * - The account administers the key and grants its use through IAM policies, as
 *   AWS's default key policy does; without it the key could become unmanageable.
 * - CloudWatch alarms may encrypt what they publish to the failure topic: the
 *   AWS-managed `alias/aws/sns` key would refuse them, which is why this key exists.
 * - Prod's replicator in another account may encrypt the objects it copies in and
 *   the outcomes it publishes, through S3 and SNS only, and use the table's key
 *   through DynamoDB only.
 */
export function environmentKeyPolicy({ location, alarmArnPattern, crossAccountReplicatorRoleArn }: EnvironmentKeyPolicyArgs): PolicyDocument {
  const { partition, accountId, region } = location;
  const statements: PolicyStatement[] = [
    {
      Sid: 'AccountAdministersKeyThroughIam',
      Effect: 'Allow',
      Principal: { AWS: accountRootArn(partition, accountId) },
      Action: 'kms:*',
      Resource: '*',
    },
    {
      Sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': accountId },
        ArnLike: { 'aws:SourceArn': alarmArnPattern },
      },
    },
  ];
  if (crossAccountReplicatorRoleArn !== undefined) {
    const principal = crossAccountRolePrincipal(crossAccountReplicatorRoleArn);
    const through = (services: readonly string[]) => ({
      ...principal.Condition,
      StringEquals: { 'kms:ViaService': viaServicesIn(region, services) },
    });
    statements.push(
      {
        Sid: 'ProdReplicatorEncryptsThroughS3AndSns',
        Effect: 'Allow',
        Principal: principal.Principal,
        Action: REPLICATOR_ACTIONS.encryptForTargets,
        Resource: '*',
        Condition: through(['s3', 'sns']),
      },
      {
        Sid: 'ProdReplicatorWritesTableThroughDynamoDb',
        Effect: 'Allow',
        Principal: principal.Principal,
        Action: REPLICATOR_ACTIONS.useTargetTableKeys,
        Resource: '*',
        Condition: through(['dynamodb']),
      },
    );
  }
  return policyDocument(statements);
}

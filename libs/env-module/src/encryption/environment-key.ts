import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { componentType } from '../component-type';
import { environmentKeyPolicy, type EnvironmentKeyPolicyArgs } from './key-policy';

/** What the bucket, table and topics take from the key: its ARN, and whom from another account it admits. */
export type EncryptingKey = Pick<EnvironmentKey, 'keyArn' | 'crossAccountReplicatorRoleArn'>;

export interface EnvironmentKeyArgs extends EnvironmentKeyPolicyArgs {
  readonly environment: string;
  readonly aliasName: string;
}

/**
 * The environment's customer-managed KMS key, rotated yearly. It encrypts the
 * bucket, the table and both topics; a customer-managed key (not `aws/sns`) is
 * what lets CloudWatch alarms publish to the encrypted failure topic.
 */
export class EnvironmentKey extends pulumi.ComponentResource {
  readonly keyArn: pulumi.Output<string>;
  /**
   * Prod's replicator role in another account, which this key admits; whatever the
   * key encrypts (bucket, table, topics) must admit it too. Undefined in prod's account.
   */
  readonly crossAccountReplicatorRoleArn?: string;

  constructor(name: string, args: EnvironmentKeyArgs, opts?: pulumi.ComponentResourceOptions) {
    super(componentType('EnvironmentKey'), name, {}, opts);

    const key = new aws.kms.Key(
      name,
      {
        description: `Encrypts the ${args.environment} data platform's bucket, metadata table and replication topics`,
        enableKeyRotation: true,
        deletionWindowInDays: 30,
        policy: JSON.stringify(environmentKeyPolicy(args)),
      },
      { parent: this },
    );
    new aws.kms.Alias(`${name}-alias`, { name: args.aliasName, targetKeyId: key.keyId }, { parent: this });

    this.keyArn = key.arn;
    this.crossAccountReplicatorRoleArn = args.crossAccountReplicatorRoleArn;
    this.registerOutputs({ keyArn: this.keyArn });
  }
}

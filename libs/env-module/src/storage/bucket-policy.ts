import { crossAccountRolePrincipal, denyInsecureTransport, type PolicyDocument, policyDocument, type PolicyStatement } from '../iam/policy-document';
import { configObjectsArn, REPLICATOR_ACTIONS } from '../iam/replicator-permissions';

export interface DataBucketPolicyArgs {
  readonly bucketArn: string;
  /** Prod's replicator role in another account, admitted to replace configuration objects. */
  readonly crossAccountReplicatorRoleArn?: string;
}

/** TLS only; and, when prod lives in another account, its replicator may replace `config/` objects. */
export function dataBucketPolicy({ bucketArn, crossAccountReplicatorRoleArn }: DataBucketPolicyArgs): PolicyDocument {
  const statements: PolicyStatement[] = [denyInsecureTransport('s3:*', [bucketArn, `${bucketArn}/*`])];
  if (crossAccountReplicatorRoleArn !== undefined) {
    const principal = crossAccountRolePrincipal(crossAccountReplicatorRoleArn);
    statements.push(
      { Sid: 'ProdReplicatorListsBucket', Effect: 'Allow', ...principal, Action: REPLICATOR_ACTIONS.listBuckets, Resource: bucketArn },
      {
        Sid: 'ProdReplicatorReplacesConfigurationObjects',
        Effect: 'Allow',
        ...principal,
        Action: [...REPLICATOR_ACTIONS.readTargetObjects, ...REPLICATOR_ACTIONS.writeTargetObjects],
        Resource: configObjectsArn(bucketArn),
      },
    );
  }
  return policyDocument(statements);
}

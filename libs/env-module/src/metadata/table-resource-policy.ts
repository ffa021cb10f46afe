import { crossAccountRolePrincipal, type PolicyDocument, policyDocument } from '../iam/policy-document';
import { REPLICATOR_ACTIONS } from '../iam/replicator-permissions';

/** Admits prod's replicator, from another account, to read and write this table's items. */
export function metadataTablePolicy(args: { tableArn: string; crossAccountReplicatorRoleArn: string }): PolicyDocument {
  return policyDocument([
    {
      Sid: 'ProdReplicatorReadsAndWritesItems',
      Effect: 'Allow',
      ...crossAccountRolePrincipal(args.crossAccountReplicatorRoleArn),
      Action: [...REPLICATOR_ACTIONS.readTargetItems, ...REPLICATOR_ACTIONS.writeTargetItems],
      Resource: args.tableArn,
    },
  ]);
}

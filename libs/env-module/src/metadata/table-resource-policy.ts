import { crossAccountRolePrincipal, type PolicyDocument, policyDocument } from '../iam/policy-document';
import { REPLICATOR_ACTIONS } from '../iam/replicator-permissions';

/** Admits prod's replicator, from another account, to write this table's items. */
export function metadataTablePolicy(args: { tableArn: string; crossAccountReplicatorRoleArn: string }): PolicyDocument {
  return policyDocument([
    {
      Sid: 'ProdReplicatorWritesItems',
      Effect: 'Allow',
      ...crossAccountRolePrincipal(args.crossAccountReplicatorRoleArn),
      Action: REPLICATOR_ACTIONS.writeTargetItems,
      Resource: args.tableArn,
    },
  ]);
}

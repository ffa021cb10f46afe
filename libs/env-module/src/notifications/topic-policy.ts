import { crossAccountRolePrincipal, denyInsecureTransport, type PolicyDocument, policyDocument, type PolicyStatement } from '../iam/policy-document';
import { REPLICATOR_ACTIONS } from '../iam/replicator-permissions';

export interface ReplicationTopicPolicyArgs {
  readonly topicArn: string;
  /** Set on the topic alarms publish to: CloudWatch may publish, for this account's matching alarms only. */
  readonly alarms?: { readonly accountId: string; readonly alarmArnPattern: string };
  readonly crossAccountReplicatorRoleArn?: string;
}

export function replicationTopicPolicy({ topicArn, alarms, crossAccountReplicatorRoleArn }: ReplicationTopicPolicyArgs): PolicyDocument {
  const statements: PolicyStatement[] = [denyInsecureTransport('sns:Publish', [topicArn])];
  if (alarms !== undefined) {
    statements.push({
      Sid: 'CloudWatchAlarmsPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: topicArn,
      Condition: {
        StringEquals: { 'aws:SourceAccount': alarms.accountId },
        ArnLike: { 'aws:SourceArn': alarms.alarmArnPattern },
      },
    });
  }
  if (crossAccountReplicatorRoleArn !== undefined) {
    statements.push({
      Sid: 'ProdReplicatorPublishesOutcomes',
      Effect: 'Allow',
      ...crossAccountRolePrincipal(crossAccountReplicatorRoleArn),
      Action: REPLICATOR_ACTIONS.publishOutcomes,
      Resource: topicArn,
    });
  }
  return policyDocument(statements);
}

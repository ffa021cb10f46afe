import { deadLetterQueuePolicy } from './queue-policy';

const queueArn = 'arn:aws:sqs:eu-west-1:111111111111:acme-replication-dlq-prod';
const roles = ['arn:aws:iam::111111111111:role/acme-config-monitor-prod', 'arn:aws:iam::111111111111:role/acme-config-replicator-prod'];
const rule = 'arn:aws:events:eu-west-1:111111111111:rule/acme-config-replication-prod';

describe('deadLetterQueuePolicy', () => {
  it('admits the rule and denies every sender that is neither a function role nor the rule', () => {
    const { Statement } = deadLetterQueuePolicy({ queueArn, senderRoleArns: roles, senderRuleArns: [rule] });
    expect(Statement.map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport', 'RuleTargetsDeadLetter', 'DenyOtherSenders']);
    expect(Statement[1].Condition).toEqual({ ArnEquals: { 'aws:SourceArn': [rule] } });
    expect(Statement[2].Condition).toEqual({ ArnNotEquals: { 'aws:PrincipalArn': roles, 'aws:SourceArn': [rule] } });
  });

  it('has no rule statement where no rule dead-letters', () => {
    const { Statement } = deadLetterQueuePolicy({ queueArn, senderRoleArns: roles.slice(0, 1), senderRuleArns: [] });
    expect(Statement.map((statement) => statement.Sid)).toEqual(['DenyInsecureTransport', 'DenyOtherSenders']);
    expect(Statement[1].Condition).toEqual({ ArnNotEquals: { 'aws:PrincipalArn': roles.slice(0, 1) } });
  });
});

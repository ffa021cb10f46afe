import { denyInsecureTransport, type PolicyDocument, policyDocument, type PolicyStatement } from '../iam/policy-document';

export interface DeadLetterQueuePolicyArgs {
  readonly queueArn: string;
  /** This environment's function roles: their code and Lambda's on-failure destinations send with them. */
  readonly senderRoleArns: readonly string[];
  /** This environment's EventBridge rules whose targets dead-letter here (prod). */
  readonly senderRuleArns: readonly string[];
}

/** Only this environment's functions and rules may send; everything else is denied, even in the account. */
export function deadLetterQueuePolicy({ queueArn, senderRoleArns, senderRuleArns }: DeadLetterQueuePolicyArgs): PolicyDocument {
  const statements: PolicyStatement[] = [denyInsecureTransport('sqs:*', [queueArn])];
  if (senderRuleArns.length > 0) {
    statements.push({
      Sid: 'RuleTargetsDeadLetter',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: queueArn,
      Condition: { ArnEquals: { 'aws:SourceArn': senderRuleArns } },
    });
  }
  statements.push({
    Sid: 'DenyOtherSenders',
    Effect: 'Deny',
    Principal: '*',
    Action: 'sqs:SendMessage',
    Resource: queueArn,
    // Negated operators match when the key is absent: a role's request has no
    // aws:SourceArn, EventBridge's has no aws:PrincipalArn; each passes on the other key.
    Condition: {
      ArnNotEquals: {
        'aws:PrincipalArn': senderRoleArns,
        ...(senderRuleArns.length > 0 ? { 'aws:SourceArn': senderRuleArns } : {}),
      },
    },
  });
  return policyDocument(statements);
}

import type { PolicyDocument } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { arnOf, functionComponent, functionsOf, type StacksOf, T } from '../stack-vocabulary';

/** Assertions on dead-letter queue and alarms, over the three planned stacks. */
export function deadLetterAndAlarmsSuite(stacksOf: StacksOf): void {
  let stacks: ReturnType<StacksOf>;
  beforeAll(() => {
    stacks = stacksOf();
  });

  describe('dead-letter queue and alarms', () => {
    it.each(ENVIRONMENT_NAMES)('%s lets only its own function roles (and prod its rule) send dead letters', (environment) => {
      const stack = stacks[environment];
      const queueArn = String(stack.outputs['deadLetterQueueArn']);
      const roleArns = stack.ofType(T.role).map((role) => stack.state(role, 'arn'));
      const policy = stack.find(T.queuePolicy, 'dlq-policy');
      expect(policy.inputs['queueUrl']).toBe(stack.outputs['deadLetterQueueUrl']);
      const ruleArns = environment === 'prod' ? [arnOf(stack, T.rule, 'replication-rule')] : [];
      expect(stack.json<PolicyDocument>(policy, 'policy').Statement).toEqual([
        { Sid: 'DenyInsecureTransport', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: queueArn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        ...(environment === 'prod'
          ? [{ Sid: 'RuleTargetsDeadLetter', Effect: 'Allow', Principal: { Service: 'events.amazonaws.com' }, Action: 'sqs:SendMessage', Resource: queueArn, Condition: { ArnEquals: { 'aws:SourceArn': ruleArns } } }]
          : []),
        {
          Sid: 'DenyOtherSenders',
          Effect: 'Deny',
          Principal: '*',
          Action: 'sqs:SendMessage',
          Resource: queueArn,
          Condition: { ArnNotEquals: { 'aws:PrincipalArn': roleArns, ...(environment === 'prod' ? { 'aws:SourceArn': ruleArns } : {}) } },
        },
      ]);
    });

    it.each(ENVIRONMENT_NAMES)('%s alarms on DLQ depth and on each function’s errors, to the failure topic', (environment) => {
      const stack = stacks[environment];
      const failureTopicArn = stack.outputs['failureTopicArn'];
      const alarms = stack.ofType(T.alarm);
      const watched = alarms.map((alarm) => ({ metric: `${alarm.inputs['namespace']}/${alarm.inputs['metricName']}`, dimensions: alarm.inputs['dimensions'] }));
      expect(watched).toEqual([
        { metric: 'AWS/SQS/ApproximateNumberOfMessagesVisible', dimensions: { QueueName: stack.find(T.queue, 'dlq').state['name'] } },
        ...functionsOf(environment).map((fn) => ({ metric: 'AWS/Lambda/Errors', dimensions: { FunctionName: stack.find(T.fn, functionComponent(fn)).state['name'] } })),
      ]);
      for (const alarm of alarms) {
        expect(alarm.inputs).toMatchObject({
          comparisonOperator: 'GreaterThanThreshold',
          threshold: 0,
          period: 60,
          evaluationPeriods: 1,
          treatMissingData: 'notBreaching',
          alarmActions: [failureTopicArn],
          okActions: [failureTopicArn],
        });
      }
      // Each alarm is one the failure topic's policy and the key's policy admit.
      const topicPolicy = stack.json<PolicyDocument>(stack.find(T.topicPolicy, 'topics-failure-policy'), 'policy');
      const cloudWatch = topicPolicy.Statement.find((statement) => statement.Sid === 'CloudWatchAlarmsPublish');
      const pattern = String(cloudWatch?.Condition?.['ArnLike']?.['aws:SourceArn']);
      for (const alarm of alarms) {
        expect(stack.state(alarm, 'arn')).toMatch(new RegExp(`^${pattern.replace(/\*/g, '.*')}$`));
      }
    });
  });
}

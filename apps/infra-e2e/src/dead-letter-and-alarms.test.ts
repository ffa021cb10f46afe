import type { PolicyDocument } from '@data-platform/env-module';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import { RESOURCE_TYPE } from '@data-platform/planned-stacks';
import { arnOf, functionComponent, functionsOf } from './stack-vocabulary';
import { planStacksBeforeAll } from './committed-stacks';

const stacks = planStacksBeforeAll();

describe('dead-letter queue and alarms', () => {
  it.each(ENVIRONMENT_NAMES)('%s lets only its own function roles (and prod its rule) send dead letters', (environment) => {
    const stack = stacks[environment];
    const queueArn = String(stack.outputs['deadLetterQueueArn']);
    const roleArns = stack.ofType(RESOURCE_TYPE.role).map((role) => stack.state(role, 'arn'));
    const policy = stack.find(RESOURCE_TYPE.queuePolicy, 'dlq-policy');
    expect(policy.inputs['queueUrl']).toBe(stack.outputs['deadLetterQueueUrl']);
    const ruleArns = environment === 'prod' ? [arnOf(stack, RESOURCE_TYPE.eventRule, 'replication-rule')] : [];
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
    const alarms = stack.ofType(RESOURCE_TYPE.metricAlarm);
    const watched = alarms.map((alarm) => ({ metric: `${alarm.inputs['namespace']}/${alarm.inputs['metricName']}`, dimensions: alarm.inputs['dimensions'] }));
    expect(watched).toEqual([
      { metric: 'AWS/SQS/ApproximateNumberOfMessagesVisible', dimensions: { QueueName: stack.find(RESOURCE_TYPE.queue, 'dlq').state['name'] } },
      ...functionsOf(environment).map((fn) => ({ metric: 'AWS/Lambda/Errors', dimensions: { FunctionName: stack.find(RESOURCE_TYPE.lambdaFunction, functionComponent(fn)).state['name'] } })),
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
    const topicPolicy = stack.json<PolicyDocument>(stack.find(RESOURCE_TYPE.topicPolicy, 'topics-failure-policy'), 'policy');
    const cloudWatch = topicPolicy.Statement.find((statement) => statement.Sid === 'CloudWatchAlarmsPublish');
    const pattern = String(cloudWatch?.Condition?.['ArnLike']?.['aws:SourceArn']);
    for (const alarm of alarms) {
      expect(stack.state(alarm, 'arn')).toMatch(new RegExp(`^${pattern.replace(/\*/g, '.*')}$`));
    }
  });
});

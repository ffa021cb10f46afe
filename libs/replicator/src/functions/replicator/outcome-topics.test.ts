import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { buildConfigurationChanged } from '@data-platform/replication-contract';
import { mockClient } from 'aws-sdk-client-mock';
import { outcomeMessage, publishOutcome, subjectKey } from './outcome-topics';

const target = {
  environment: 'dev' as const,
  tableName: 'acme-metadata-dev',
  bucketName: 'acme-data-dev',
  successTopicArn: 'arn:aws:sns:us-west-2:333333333333:acme-replication-success-dev',
  failureTopicArn: 'arn:aws:sns:us-west-2:333333333333:acme-replication-failure-dev',
};
const change = buildConfigurationChanged({
  changeId: 'c-1',
  environment: 'prod',
  subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { sk: { N: '1' }, pk: { S: 'pipeline#1' } } },
  changeType: 'updated',
  sequence: '100000000000000000001',
  changedAt: '2026-11-26T10:00:00.000Z',
});
const completedAt = new Date('2026-11-26T10:00:01.000Z');

describe('outcome messages', () => {
  it('describes a success', () => {
    expect(outcomeMessage(change, { target, outcome: 'succeeded', action: 'put', attempts: 2 }, completedAt)).toEqual({
      schemaVersion: 1,
      outcome: 'succeeded',
      changeId: 'c-1',
      sourceEnvironment: 'prod',
      targetEnvironment: 'dev',
      subject: change.subject,
      changeType: 'updated',
      action: 'put',
      attempts: 2,
      completedAt: '2026-11-26T10:00:01.000Z',
    });
  });

  it('describes a failure with its error instead of an action', () => {
    const error = { name: 'ThrottlingException', message: 'Rate exceeded', retryable: true };
    const message = outcomeMessage(change, { target, outcome: 'failed', error, attempts: 6 }, completedAt);
    expect(message).toMatchObject({ outcome: 'failed', error, attempts: 6 });
    expect(message).not.toHaveProperty('action');
  });

  it('publishes to the topic’s own region with filterable attributes', async () => {
    const sns = new SNSClient({ region: 'us-west-2' });
    const snsMock = mockClient(sns);
    snsMock.on(PublishCommand).resolves({ MessageId: 'm' });
    const regions: (string | undefined)[] = [];
    const message = outcomeMessage(change, { target, outcome: 'succeeded', action: 'delete', attempts: 1 }, completedAt);

    await publishOutcome((region) => (regions.push(region), sns), message, target.successTopicArn);

    expect(regions).toEqual(['us-west-2']);
    expect(snsMock.commandCalls(PublishCommand).map((call) => call.args[0].input)).toEqual([
      {
        TopicArn: target.successTopicArn,
        Message: JSON.stringify(message),
        MessageAttributes: {
          outcome: { DataType: 'String', StringValue: 'succeeded' },
          sourceEnvironment: { DataType: 'String', StringValue: 'prod' },
          targetEnvironment: { DataType: 'String', StringValue: 'dev' },
          changeKind: { DataType: 'String', StringValue: 'table-item' },
          key: { DataType: 'String', StringValue: '{"pk":{"S":"pipeline#1"},"sk":{"N":"1"}}' },
        },
      },
    ]);
  });

  it('names an object by its key and an item by its key attributes in name order', () => {
    expect(subjectKey({ kind: 'bucket-object', bucketName: 'b', key: 'config/a b.json' })).toBe('config/a b.json');
    expect(subjectKey(change.subject)).toBe('{"pk":{"S":"pipeline#1"},"sk":{"N":"1"}}');
  });
});

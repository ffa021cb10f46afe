import { CONFIGURATION_CHANGED_DETAIL_TYPE, configurationChangedSource } from '@data-platform/replication-contract';
import type { DynamoDBRecord } from 'aws-lambda';
import { changeFromStreamRecord, withoutImages } from './stream-record-change';

const settings = { environment: 'prod' as const, eventBusName: 'default' };
const record = (overrides: Partial<DynamoDBRecord> = {}, stream: Record<string, unknown> = {}): DynamoDBRecord => ({
  eventID: 'c4ca4238a0b923820dcc509a6f75849b',
  eventName: 'MODIFY',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'eu-west-1',
  dynamodb: {
    ApproximateCreationDateTime: 1_795_000_000,
    Keys: { pk: { S: 'pipeline#1' }, sk: { B: 'AQID' as never } },
    NewImage: { pk: { S: 'pipeline#1' }, sk: { B: 'AQID' as never }, secret: { S: 'body' } },
    OldImage: { pk: { S: 'pipeline#1' }, sk: { B: 'AQID' as never } },
    SequenceNumber: '4421584500000000017450439091',
    SizeBytes: 120,
    StreamViewType: 'NEW_AND_OLD_IMAGES',
    ...stream,
  },
  eventSourceARN: 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod/stream/2026-11-26T00:00:00.000',
  ...overrides,
});

describe('changeFromStreamRecord', () => {
  it('turns a stream record into a ConfigurationChanged entry carrying only the key', () => {
    const { detail, entry } = changeFromStreamRecord(record(), settings);
    expect(detail).toEqual({
      schemaVersion: 1,
      changeId: 'c4ca4238a0b923820dcc509a6f75849b',
      environment: 'prod',
      subject: { kind: 'table-item', tableName: 'acme-metadata-prod', key: { pk: { S: 'pipeline#1' }, sk: { B: 'AQID' } } },
      changeType: 'updated',
      sequence: '4421584500000000017450439091',
      changedAt: '2026-11-18T11:06:40.000Z',
    });
    expect(entry).toEqual({
      Source: configurationChangedSource('prod'),
      DetailType: CONFIGURATION_CHANGED_DETAIL_TYPE,
      Detail: JSON.stringify(detail),
      EventBusName: 'default',
      Resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod'],
      Time: new Date('2026-11-18T11:06:40.000Z'),
    });
    expect(entry.Detail).not.toContain('body');
  });

  it.each([
    ['INSERT', 'created'],
    ['MODIFY', 'updated'],
    ['REMOVE', 'deleted'],
  ] as const)('maps %s to %s', (eventName, changeType) => {
    expect(changeFromStreamRecord(record({ eventName }), settings).detail.changeType).toBe(changeType);
  });

  it.each([
    ['another source', record({ eventSource: 'aws:kinesis' }), 'eventSource "aws:kinesis" is not aws:dynamodb'],
    ['a non-stream ARN', record({ eventSourceARN: 'arn:aws:dynamodb:eu-west-1:111111111111:table/t' }), 'is not a DynamoDB stream ARN'],
    ['an unknown event name', record({ eventName: 'TTL' as never }), 'eventName "TTL" is not INSERT, MODIFY or REMOVE'],
    ['no keys', record({}, { Keys: undefined }), 'detail.subject.key={} is invalid'],
    ['no sequence number', record({}, { SequenceNumber: undefined }), 'detail.sequence="" is invalid'],
    ['no creation time', record({}, { ApproximateCreationDateTime: undefined }), 'ApproximateCreationDateTime undefined is not epoch seconds'],
    ['no event id', record({ eventID: undefined }), 'detail.changeId="" is invalid'],
    ['no dynamodb section', record({ dynamodb: undefined }), 'ApproximateCreationDateTime undefined is not epoch seconds'],
  ])('refuses a record with %s', (_case, input, message) => {
    expect(() => changeFromStreamRecord(input, settings)).toThrow(message);
  });

  it('drops item images for dead letters and keeps everything else', () => {
    const { dynamodb, ...rest } = record();
    expect(withoutImages(record())).toEqual({
      ...rest,
      dynamodb: {
        ApproximateCreationDateTime: dynamodb?.ApproximateCreationDateTime,
        Keys: dynamodb?.Keys,
        SequenceNumber: dynamodb?.SequenceNumber,
        SizeBytes: dynamodb?.SizeBytes,
        StreamViewType: dynamodb?.StreamViewType,
      },
    });
  });
});

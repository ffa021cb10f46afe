import type { S3EventRecord } from 'aws-lambda';
import { changeFromObjectNotification, decodeObjectKey, objectChangeId } from './object-notification-change';
import type { PendingChange } from './pending-change';

const settings = { environment: 'staging' as const, eventBusName: 'default', configPrefix: 'config/' };
const changeOf = (input: S3EventRecord) => changeFromObjectNotification(input, settings) as PendingChange;
const record = (eventName: string, key: string, object: Record<string, unknown> = {}): S3EventRecord => ({
  eventVersion: '2.1',
  eventSource: 'aws:s3',
  awsRegion: 'eu-west-1',
  eventTime: '2026-11-26T10:00:00.123Z',
  eventName,
  userIdentity: { principalId: 'AWS:AIDAEXAMPLE' },
  requestParameters: { sourceIPAddress: '203.0.113.10' },
  responseElements: { 'x-amz-request-id': 'R', 'x-amz-id-2': 'I' },
  s3: {
    s3SchemaVersion: '1.0',
    configurationId: 'configuration-changes',
    bucket: { name: 'acme-data-staging', ownerIdentity: { principalId: 'O' }, arn: 'arn:aws:s3:::acme-data-staging' },
    object: { key, size: 10, eTag: 'e', sequencer: '0055AED6DCD90281E5', ...object },
  },
});

describe('changeFromObjectNotification', () => {
  it('decodes the key and builds the change', () => {
    const { detail, entry } = changeFromObjectNotification(record('ObjectCreated:Put', 'config/daily+run%2B%C3%A9.json', { versionId: 'v1' }), settings) as PendingChange;
    expect(detail).toEqual({
      schemaVersion: 1,
      changeId: objectChangeId('acme-data-staging', 'config/daily run+é.json', '0055AED6DCD90281E5'),
      environment: 'staging',
      subject: { kind: 'bucket-object', bucketName: 'acme-data-staging', key: 'config/daily run+é.json', versionId: 'v1' },
      changeType: 'created',
      sequence: '0055AED6DCD90281E5',
      changedAt: '2026-11-26T10:00:00.123Z',
    });
    expect(entry.Resources).toEqual(['arn:aws:s3:::acme-data-staging']);
  });

  it.each([
    ['ObjectCreated:Copy', 'created'],
    ['ObjectCreated:CompleteMultipartUpload', 'created'],
    ['ObjectRemoved:Delete', 'deleted'],
    ['ObjectRemoved:DeleteMarkerCreated', 'deleted'],
    ['ObjectTagging:Put', 'tagged'],
    ['ObjectTagging:Delete', 'tagged'],
  ])('maps %s to %s', (eventName, changeType) => {
    expect(changeOf(record(eventName, 'config/a.json')).detail.changeType).toBe(changeType);
  });

  it('ignores objects outside the configuration prefix', () => {
    expect(changeFromObjectNotification(record('ObjectCreated:Put', 'data/a+b.json'), settings)).toEqual({ outsidePrefix: 'data/a b.json' });
    expect(changeFromObjectNotification(record('ObjectCreated:Put', 'configuration/a.json'), settings)).toEqual({ outsidePrefix: 'configuration/a.json' });
  });

  it('gives one change one stable id, and another change another', () => {
    const first = changeOf(record('ObjectCreated:Put', 'config/a.json')).detail.changeId;
    expect(changeOf(record('ObjectCreated:Put', 'config/a.json')).detail.changeId).toBe(first);
    expect(changeOf(record('ObjectCreated:Put', 'config/a.json', { sequencer: '0055AED6DCD90281E6' })).detail.changeId).not.toBe(first);
    expect(first).toMatch(/^s3-[0-9a-f]{32}$/);
  });

  it('takes a tag change without a sequencer, identified by its request', () => {
    const tagged = (requestId: string) => ({ ...record('ObjectTagging:Put', 'config/a.json', { sequencer: undefined }), responseElements: { 'x-amz-request-id': requestId, 'x-amz-id-2': 'I' } });
    const { detail } = changeOf(tagged('R1'));
    expect(detail).toMatchObject({ changeType: 'tagged', subject: { key: 'config/a.json' } });
    expect(detail.sequence).toBeUndefined();
    expect(changeOf(tagged('R1')).detail.changeId).toBe(detail.changeId);
    expect(changeOf(tagged('R2')).detail.changeId).not.toBe(detail.changeId);
  });

  it.each([
    ['another event type', record('ObjectRestore:Completed', 'config/a.json'), 'eventName "ObjectRestore:Completed" is not ObjectCreated:*, ObjectRemoved:* or ObjectTagging:*'],
    ['another source', { ...record('ObjectCreated:Put', 'config/a.json'), eventSource: 'aws:sqs' }, 'eventSource "aws:sqs" is not aws:s3'],
    ['a broken encoding', record('ObjectCreated:Put', 'config/%E0%A4%A.json'), 'is not URL-encoded'],
    ['a create without a sequencer', record('ObjectCreated:Put', 'config/a.json', { sequencer: undefined }), 's3.object.sequencer must be a string for ObjectCreated:Put'],
  ])('refuses %s', (_case, input, message) => {
    expect(() => changeFromObjectNotification(input, settings)).toThrow(message);
  });

  it('decodes "+" as a space and %2B as a plus', () => {
    expect(decodeObjectKey('config/a+b%2Bc')).toBe('config/a b+c');
  });
});

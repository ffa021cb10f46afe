import {
  buildConfigurationChanged,
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  configurationChangedSource,
  type ConfigurationChangedDetail,
  type ReplicatorSettings,
} from '@data-platform/replication-contract';
import { readReplicableChange } from './replicable-change';

const settings: ReplicatorSettings = {
  environment: 'prod',
  sourceTableName: 'acme-metadata-prod',
  sourceBucketName: 'acme-data-prod',
  configPrefix: 'config/',
  deadLetterQueueUrl: 'http://127.0.0.1:1/dlq',
  targets: [],
  retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
};
const detail = buildConfigurationChanged({
  changeId: 'c-1',
  environment: 'prod',
  subject: { kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'config/a.json' },
  changeType: 'created',
  sequence: '100000000000000000042',
  changedAt: '2026-11-26T10:00:00.000Z',
});
const envelope = (change: unknown, overrides: Record<string, unknown> = {}) => ({
  version: '0',
  id: 'e',
  'detail-type': CONFIGURATION_CHANGED_DETAIL_TYPE,
  source: configurationChangedSource('prod'),
  account: '111111111111',
  time: '2026-11-26T10:00:00Z',
  region: 'eu-west-1',
  resources: [],
  detail: change,
  ...overrides,
});
const withSubject = (subject: ConfigurationChangedDetail['subject']) => ({ ...detail, subject });

describe('readReplicableChange', () => {
  it('returns the validated change of a prod event', () => {
    expect(readReplicableChange(envelope(detail), settings)).toEqual(detail);
  });

  it.each([
    ['not an object', 'x', 'event must be an EventBridge event object'],
    ['another source', envelope(detail, { source: 'aws.s3' }), 'source/detail-type "aws.s3"/"ConfigurationChanged" is not'],
    ['an invalid detail', envelope({ ...detail, sequence: 'later' }), 'detail.sequence="later" is invalid'],
    ['a dev change', envelope({ ...detail, environment: 'dev' }), 'detail.environment=dev is not the source environment prod'],
    ['another table', envelope(withSubject({ kind: 'table-item', tableName: 'acme-metadata-dev', key: { pk: { S: 'p' } } })), 'is not the source table acme-metadata-prod'],
    ['another bucket', envelope(withSubject({ kind: 'bucket-object', bucketName: 'acme-data-dev', key: 'config/a.json' })), 'is not the source bucket acme-data-prod'],
    ['a key outside config/', envelope(withSubject({ kind: 'bucket-object', bucketName: 'acme-data-prod', key: 'data/a.json' })), 'outside the configuration prefix config/'],
  ])('refuses %s', (_case, event, message) => {
    expect(() => readReplicableChange(event, settings)).toThrow(message);
  });
});

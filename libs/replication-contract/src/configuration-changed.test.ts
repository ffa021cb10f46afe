import {
  buildConfigurationChanged,
  CONFIGURATION_CHANGED_DETAIL_TYPE,
  parseConfigurationChangedDetail,
  toConfigurationChangedEntry,
} from './configuration-changed';

const tableChange = {
  changeId: 'c0ffee',
  environment: 'prod' as const,
  subject: { kind: 'table-item' as const, tableName: 'acme-metadata-prod', key: { pk: { S: 'pipeline#1' } } },
  changeType: 'updated' as const,
  sequence: '4421584500000000017450439091',
  changedAt: '2026-11-26T10:00:00.000Z',
};

describe('parseConfigurationChangedDetail', () => {
  it('returns a valid table-item detail unchanged', () => {
    const detail = buildConfigurationChanged(tableChange);
    expect(parseConfigurationChangedDetail(JSON.parse(JSON.stringify(detail)))).toEqual(detail);
  });

  it('keeps an object version id and drops nothing else', () => {
    const detail = buildConfigurationChanged({
      ...tableChange,
      subject: { kind: 'bucket-object', bucketName: 'b', key: 'config/a.json', versionId: 'v1' },
      sequence: '0055AED6DCD90281E5',
    });
    expect(detail.subject).toEqual({ kind: 'bucket-object', bucketName: 'b', key: 'config/a.json', versionId: 'v1' });
  });

  it('takes an object tag change without a sequence (its notification carries no sequencer)', () => {
    const { sequence: _sequence, ...withoutSequence } = tableChange;
    const detail = buildConfigurationChanged({ ...withoutSequence, subject: { kind: 'bucket-object', bucketName: 'b', key: 'config/a.json' }, changeType: 'tagged' });
    expect(detail.sequence).toBeUndefined();
  });

  it.each([
    ['not an object', 'x', /detail="x" is invalid: must be an object/],
    ['wrong schema version', { ...tableChange, schemaVersion: 2 }, /detail.schemaVersion=2 is invalid: must be 1/],
    ['unknown environment', { ...tableChange, schemaVersion: 1, environment: 'qa' }, /detail.environment="qa" is invalid: must be one of dev, staging, prod/],
    ['unknown change type', { ...tableChange, schemaVersion: 1, changeType: 'moved' }, /detail.changeType="moved" is invalid/],
    ['a hexadecimal stream sequence number', { ...tableChange, schemaVersion: 1, sequence: 'ffff' }, /detail.sequence="ffff" is invalid: must be a decimal stream sequence number of at most 40 digits/],
    ['a 41-digit stream sequence number', { ...tableChange, schemaVersion: 1, sequence: '9'.repeat(41) }, /detail.sequence=.* is invalid: must be a decimal stream sequence number of at most 40 digits/],
    ['a non-hexadecimal S3 sequencer', { ...tableChange, schemaVersion: 1, subject: { kind: 'bucket-object', bucketName: 'b', key: 'config/a.json' }, sequence: '12z' }, /detail.sequence="12z" is invalid: must be a hexadecimal S3 sequencer of at most 64 digits/],
    ['bad time', { ...tableChange, schemaVersion: 1, changedAt: 'yesterday' }, /detail.changedAt="yesterday" is invalid: must be an ISO-8601 time/],
    ['empty key', { ...tableChange, schemaVersion: 1, subject: { ...tableChange.subject, key: {} } }, /detail.subject.key=\{\} is invalid: must name at least one key attribute/],
    ['unknown kind', { ...tableChange, schemaVersion: 1, subject: { kind: 'queue' } }, /detail.subject.kind="queue" is invalid: must be one of table-item, bucket-object/],
    ['missing change id', { ...tableChange, schemaVersion: 1, changeId: '' }, /detail.changeId="" is invalid: must be a non-empty string/],
    ['three key attributes', { ...tableChange, schemaVersion: 1, subject: { ...tableChange.subject, key: { a: { S: '1' }, b: { S: '2' }, c: { S: '3' } } } }, /detail.subject.key=.* is invalid: must have at most 2 attributes/],
    ['an oversized key value', { ...tableChange, schemaVersion: 1, subject: { ...tableChange.subject, key: { pk: { S: 'x'.repeat(5_000) } } } }, /detail.subject.key.pk=.* is invalid: must be at most 4096 bytes/],
    ['an object key over 1024 bytes', { ...tableChange, schemaVersion: 1, subject: { kind: 'bucket-object', bucketName: 'b', key: `config/${'é'.repeat(600)}` } }, /detail.subject.key=.* is invalid: must be at most 1024 bytes/],
    ['a 65-digit sequence', { ...tableChange, schemaVersion: 1, sequence: '1'.repeat(65) }, /detail.sequence=.* is invalid: must be at most 64 bytes/],
  ])('rejects %s', (_case, value, message) => {
    expect(() => parseConfigurationChangedDetail(value)).toThrow(message);
  });
});

describe('toConfigurationChangedEntry', () => {
  it('builds the PutEvents entry the rule pattern expects', () => {
    const detail = buildConfigurationChanged(tableChange);
    const entry = toConfigurationChangedEntry(detail, { eventBusName: 'default', resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/t'] });
    expect(entry).toEqual({
      Source: 'data-platform.configuration-monitor.prod',
      DetailType: CONFIGURATION_CHANGED_DETAIL_TYPE,
      Detail: JSON.stringify(detail),
      EventBusName: 'default',
      Resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/t'],
      Time: new Date('2026-11-26T10:00:00.000Z'),
    });
  });
});

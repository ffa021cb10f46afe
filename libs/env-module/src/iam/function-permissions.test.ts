import { CONFIGURATION_CHANGED_DETAIL_TYPE, configurationChangedSource } from '@data-platform/replication-contract';
import { FUNCTION_BASELINE_ACTIONS, functionBaselineStatements } from './function-baseline-permissions';
import { lambdaTrustPolicy } from './lambda-trust-policy';
import { MONITOR_ACTIONS, monitorStatements } from './monitor-permissions';
import { viaServices } from './kms-via-service';
import { configObjectsArn, REPLICATOR_ACTIONS, replicatorStatements, type ReplicationTargetResources } from './replicator-permissions';

const actionsOf = (statements: readonly { Action: string | readonly string[] }[]) => statements.flatMap((statement) => statement.Action);
const target = (environment: 'dev' | 'staging', region: string, account: string): ReplicationTargetResources => ({
  environment,
  bucketArn: `arn:aws:s3:::acme-data-${environment}`,
  tableArn: `arn:aws:dynamodb:${region}:${account}:table/acme-metadata-${environment}`,
  successTopicArn: `arn:aws:sns:${region}:${account}:acme-replication-success-${environment}`,
  failureTopicArn: `arn:aws:sns:${region}:${account}:acme-replication-failure-${environment}`,
  encryptionKeyArn: `arn:aws:kms:${region}:${account}:key/${environment}`,
});
const source = {
  bucketArn: 'arn:aws:s3:::acme-data-prod',
  tableArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-prod',
  encryptionKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/prod',
};

describe('lambdaTrustPolicy', () => {
  it('lets Lambda assume the role for this account only, without a Resource (trust policies must not have one)', () => {
    expect(lambdaTrustPolicy('111111111111').Statement).toEqual([
      {
        Sid: 'LambdaAssumesFunctionRole',
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'aws:SourceAccount': '111111111111' } },
      },
    ]);
  });
});

describe('function permissions', () => {
  it('gives every function its log streams and the DLQ, nothing else', () => {
    const statements = functionBaselineStatements({ logGroupArn: 'arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f', deadLetterQueueArn: 'arn:aws:sqs:eu-west-1:111111111111:q' });
    expect(statements.map((statement) => statement.Resource)).toEqual(['arn:aws:logs:eu-west-1:111111111111:log-group:/aws/lambda/f:log-stream:*', 'arn:aws:sqs:eu-west-1:111111111111:q']);
    expect(actionsOf(statements)).toEqual([...FUNCTION_BASELINE_ACTIONS.writeLogs, ...FUNCTION_BASELINE_ACTIONS.sendDeadLetters]);
  });

  it('gives the monitor its stream and only its own events on the bus', () => {
    const statements = monitorStatements({
      environment: 'staging',
      tableStreamArn: 'arn:aws:dynamodb:eu-west-1:111111111111:table/t/stream/x',
      eventBusArn: 'arn:aws:events:eu-west-1:111111111111:event-bus/default',
      encryptionKeyArn: 'arn:aws:kms:eu-west-1:111111111111:key/k',
    });
    expect(actionsOf(statements)).toEqual(Object.values(MONITOR_ACTIONS).flat());
    expect(statements.find((statement) => statement.Sid === 'PublishConfigurationChanges')?.Condition).toEqual({
      'ForAllValues:StringEquals': { 'events:source': [configurationChangedSource('staging')], 'events:detail-type': [CONFIGURATION_CHANGED_DETAIL_TYPE] },
      Null: { 'events:source': 'false', 'events:detail-type': 'false' },
    });
    expect(statements.find((statement) => statement.Sid === 'DecryptTableStream')).toMatchObject({
      Resource: 'arn:aws:kms:eu-west-1:111111111111:key/k',
      Condition: { StringEquals: { 'kms:ViaService': ['dynamodb.eu-west-1.amazonaws.com'] } },
    });
  });

  it('gives the replicator every action it calls, reads on the source and writes on the targets', () => {
    const statements = replicatorStatements(source, [target('dev', 'eu-west-1', '111111111111')]);
    expect(new Set(actionsOf(statements))).toEqual(new Set(Object.values(REPLICATOR_ACTIONS).flat()));
    const writes = statements.filter((statement) => /Write/.test(statement.Sid)).flatMap((statement) => statement.Resource);
    expect(writes).toEqual(['arn:aws:s3:::acme-data-dev/config/*', 'arn:aws:dynamodb:eu-west-1:111111111111:table/acme-metadata-dev']);
    expect(JSON.stringify(writes)).not.toContain('prod');
  });

  it('lets the replicator use each target key through S3 and SNS of that key’s region only', () => {
    const statements = replicatorStatements(source, [target('dev', 'eu-west-1', '222222222222'), target('staging', 'us-east-1', '333333333333')]);
    const keys = ['arn:aws:kms:eu-west-1:222222222222:key/dev', 'arn:aws:kms:us-east-1:333333333333:key/staging'];
    expect(statements.find((statement) => statement.Sid === 'EncryptForTargets')).toMatchObject({
      Resource: keys,
      Condition: { StringEquals: { 'kms:ViaService': ['s3.eu-west-1.amazonaws.com', 'sns.eu-west-1.amazonaws.com', 's3.us-east-1.amazonaws.com', 'sns.us-east-1.amazonaws.com'] } },
    });
    expect(statements.find((statement) => statement.Sid === 'UseTargetTableKeys')).toMatchObject({
      Resource: keys,
      Condition: { StringEquals: { 'kms:ViaService': ['dynamodb.eu-west-1.amazonaws.com', 'dynamodb.us-east-1.amazonaws.com'] } },
    });
    expect(viaServices(['s3'], ['arn:aws:kms:eu-west-1:111111111111:key/a', 'arn:aws:kms:eu-west-1:222222222222:key/b'])).toEqual(['s3.eu-west-1.amazonaws.com']);
  });

  it('limits object access to config/', () => {
    expect(configObjectsArn('arn:aws:s3:::b')).toBe('arn:aws:s3:::b/config/*');
  });

  it('refuses to build a replicator with nothing to replicate to', () => {
    expect(() => replicatorStatements(source, [])).toThrow('replicator permissions: at least one replication target is required');
  });
});

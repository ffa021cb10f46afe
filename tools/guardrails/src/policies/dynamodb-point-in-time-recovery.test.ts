import type { ResourceValidation, ResourceValidationArgs } from '@pulumi/policy';
import { resource, violations } from '../test/resources';
import { dynamodbPointInTimeRecovery } from './dynamodb-point-in-time-recovery';

const table = (props: Record<string, unknown>) => resource('aws:dynamodb/table:Table', 'metadata', { name: 'acme-metadata-dev', ...props });

describe('dynamodb-point-in-time-recovery', () => {
  it('passes a table with point-in-time recovery enabled', async () => {
    expect(await violations(dynamodbPointInTimeRecovery, [table({ pointInTimeRecovery: { enabled: true } })])).toEqual([]);
  });

  it.each([[{}], [{ pointInTimeRecovery: { enabled: false } }]])('reports a table without it: %j', async (props) => {
    expect(await violations(dynamodbPointInTimeRecovery, [table(props)])).toEqual([
      'DynamoDB table metadata does not enable point-in-time recovery (pointInTimeRecovery.enabled).',
    ]);
  });

  it('is a plain object whose validateResource can be called directly', () => {
    const reported: string[] = [];
    const args = { type: 'aws:dynamodb/table:Table', name: 'metadata', props: {}, isType: () => true } as unknown as ResourceValidationArgs;
    (dynamodbPointInTimeRecovery.validateResource as ResourceValidation)(args, (message) => reported.push(message));
    expect(reported).toEqual(['DynamoDB table metadata does not enable point-in-time recovery (pointInTimeRecovery.enabled).']);
  });
});

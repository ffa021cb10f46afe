import type { ResourceValidationPolicy, StackValidationPolicy } from '@pulumi/policy';
import { evaluatePolicies, PolicyEvaluationError } from './evaluate';
import { resource, urnOf } from './test/resources';

const queue = resource('aws:sqs/queue:Queue', 'dlq', { name: 'dlq' }, { outputs: { name: 'dlq', arn: 'arn:aws:sqs:eu-west-1:111111111111:dlq' } });
const reportEveryName: ResourceValidationPolicy = {
  name: 'names',
  description: 'reports every resource',
  enforcementLevel: 'mandatory',
  validateResource: (args, report) => report(`${args.name}: ${Object.keys(args.props).join(',')}`),
};

describe('evaluatePolicies', () => {
  it('gives resource policies the inputs and stack policies the outputs, with parents linked', async () => {
    const child = resource('aws:sqs/queue:Queue', 'child', {}, { parentUrn: queue.urn, propertyDependencies: { redrivePolicy: [queue.urn] } });
    const stack: StackValidationPolicy = {
      name: 'stack',
      description: 'reports the stack',
      enforcementLevel: 'advisory',
      validateStack: (args, report) => {
        const [first, second] = args.resources;
        report(`${Object.keys(first.props).join(',')} ${second.parent?.name} ${second.propertyDependencies['redrivePolicy']?.[0]?.name}`);
      },
    };
    expect(await evaluatePolicies([reportEveryName, stack], [queue, child])).toEqual([
      { policyName: 'names', enforcementLevel: 'mandatory', message: 'dlq: name', urn: queue.urn },
      { policyName: 'names', enforcementLevel: 'mandatory', message: 'child: ', urn: child.urn },
      { policyName: 'stack', enforcementLevel: 'advisory', message: 'name,arn dlq dlq', urn: undefined },
    ]);
  });

  it('applies enforcement levels from the config, as a level or an object, and skips disabled policies', async () => {
    expect(await evaluatePolicies([reportEveryName], [queue], { config: { names: 'disabled' } })).toEqual([]);
    expect((await evaluatePolicies([reportEveryName], [queue], { config: { names: { enforcementLevel: 'advisory' } } }))[0].enforcementLevel).toBe('advisory');
    expect((await evaluatePolicies([{ ...reportEveryName, enforcementLevel: 'remediate' }], [queue]))[0].enforcementLevel).toBe('mandatory');
    expect((await evaluatePolicies([{ ...reportEveryName, enforcementLevel: undefined }], [queue]))[0].enforcementLevel).toBe('advisory');
  });

  it('fills config defaults from the schema under the given values', async () => {
    const configured: ResourceValidationPolicy = {
      name: 'configured',
      description: 'reports its config',
      configSchema: { properties: { days: { type: 'integer', default: 30 }, label: { type: 'string', default: 'x' } } },
      validateResource: (args, report) => report(JSON.stringify(args.getConfig())),
    };
    expect((await evaluatePolicies([configured], [queue], { config: { configured: { enforcementLevel: 'mandatory', days: 7 } } }))[0].message).toBe('{"days":7,"label":"x"}');
  });

  it('treats notApplicable as no violation', async () => {
    const skipping: ResourceValidationPolicy = { name: 'skip', description: 'skips', validateResource: (args) => args.notApplicable('not here') };
    expect(await evaluatePolicies([skipping], [queue])).toEqual([]);
  });

  it('hands each policy its own copy of the props', async () => {
    const mutating: ResourceValidationPolicy = { name: 'mutate', description: 'mutates', validateResource: (args) => void (args.props['name'] = 'changed') };
    await evaluatePolicies([mutating, reportEveryName], [queue]);
    expect(queue.inputs['name']).toBe('dlq');
  });

  it('names the policy and the resource when a policy throws', async () => {
    const broken: ResourceValidationPolicy = { name: 'broken', description: 'throws', validateResource: () => { throw new Error('boom'); } };
    await expect(evaluatePolicies([broken], [queue])).rejects.toThrow(new PolicyEvaluationError('broken', 'aws:sqs/queue:Queue dlq', new Error('boom')));
    await expect(evaluatePolicies([broken], [queue])).rejects.toThrow('policy broken failed on aws:sqs/queue:Queue dlq: boom');
  });

  it('matches typed validations by type token', async () => {
    const { dynamodbOnDemandBilling } = await import('./policies');
    expect(await evaluatePolicies([dynamodbOnDemandBilling], [queue, resource('aws:dynamodb/table:Table', 't', {})])).toEqual([
      expect.objectContaining({ urn: urnOf('aws:dynamodb/table:Table', 't') }),
    ]);
  });
});

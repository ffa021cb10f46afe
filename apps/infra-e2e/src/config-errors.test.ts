import { join } from 'node:path';
import { planScenariosInChild, type ScenarioOutcome, type ScenarioOverrides } from './plan-in-child';

// A program refusing bad config throws before it creates anything; under the mock
// runtime that leaves rejected promises a Jest worker would blame on the wrong
// test, so the refusals run the real apps in a child process, as the plan does.

const REFUSALS: readonly (readonly [string, ScenarioOverrides, string])[] = [
  ['dev with an invalid company', { dev: { 'platform:company': 'Acme_Corp' } }, 'platform:company="Acme_Corp" is invalid: must be 2-20 lowercase letters, digits or hyphens, starting with a letter'],
  ['staging with a monitor timeout over 300 s', { staging: { 'platform:monitor': '{"timeoutSeconds":900}' } }, 'platform:monitor.timeoutSeconds=900 is invalid: must be a whole number of seconds from 1 to 300'],
  ['dev listing replication targets', { dev: { 'platform:replicationTargets': '["staging"]' } }, 'platform:replicationTargets=["staging"] is invalid: only prod replicates; remove it from the dev stack'],
  ['prod replicating to itself', { prod: { 'platform:replicationTargets': '["dev","prod"]' } }, 'platform:replicationTargets[1]="prod" is invalid: must not be prod: prod is the replication source'],
  ['prod with a log retention CloudWatch does not offer', { prod: { 'platform:logRetentionDays': '100' } }, 'platform:logRetentionDays=100 is invalid: must be one of 1, 3, 5, 7, 14, 30, 60, 90,'],
  ['a region that is not one', { staging: { 'aws:region': 'Frankfurt' } }, 'aws:region="Frankfurt" is invalid: must be one of the AWS provider\'s regions, such as eu-west-1'],
  ['Lambda bundles that were not built', { prod: { 'platform:lambdaBundleRoot': join(__dirname, 'no-such-bundle') } }, 'does not exist. Build it with `npx nx run replicator:bundle`'],
  [
    'dev in another account that does not admit prod’s replicator',
    { dev: { 'platform:accountId': '222222222222' } },
    'StackReference organization/infra-dev/dev: the dev environment admits the replicator role arn:aws:iam::222222222222:role/acme-config-replicator-prod, ' +
      "not arn:aws:iam::111111111111:role/acme-config-replicator-prod, the role prod's replicator runs as, so every write into dev would be denied. " +
      'Set platform:replicationSourceAccountId to "111111111111" in that stack and deploy it before prod.',
  ],
];

let outcomes: ScenarioOutcome[];

beforeAll(async () => {
  // The committed config first: the refusals below are the programs', not the runner failing.
  outcomes = await planScenariosInChild([{}, ...REFUSALS.map(([, overrides]) => overrides)]);
}, 60_000);

describe('the apps refuse bad config with the key, the value and the rule', () => {
  it('plans cleanly with the committed config', () => {
    expect(outcomes[0]).toEqual({ ok: true });
  });

  it.each(REFUSALS.map(([name, , message], index) => [name, index + 1, message] as const))('%s', (_case, index, message) => {
    expect(outcomes[index]).toEqual({ ok: false, error: expect.stringContaining(message) });
  });
});

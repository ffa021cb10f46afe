import type { EnvironmentName } from '@data-platform/replication-contract';
import { loadEnvironmentConfig } from '../config/load-environment-config';
import { environmentStackOf } from '../outputs/environment-stack-reference';
import { admittedReplicatorRoleArn, crossAccountReplicatorRoleArn } from './source-replicator-role';

const base = { 'aws:region': 'eu-west-1', 'platform:company': 'acme', 'platform:accountId': '222222222222' };
const load = (extra: Record<string, string> & { 'platform:environment': EnvironmentName }) =>
  loadEnvironmentConfig({ config: { ...base, ...extra }, organization: 'o', runningStack: environmentStackOf(extra['platform:environment']) });

describe('admittedReplicatorRoleArn', () => {
  it('names prod’s replicator role by the target’s company, in the account the target trusts as prod’s', () => {
    expect(admittedReplicatorRoleArn(load({ 'platform:environment': 'dev', 'platform:replicationSourceAccountId': '111111111111' }))).toBe(
      'arn:aws:iam::111111111111:role/acme-config-replicator-prod',
    );
    expect(admittedReplicatorRoleArn(load({ 'platform:environment': 'staging', 'platform:company': 'globex' }))).toBe(
      'arn:aws:iam::222222222222:role/globex-config-replicator-prod',
    );
  });

  it('is undefined in prod, which admits no replicator', () => {
    expect(admittedReplicatorRoleArn(load({ 'platform:environment': 'prod' }))).toBeUndefined();
  });
});

describe('crossAccountReplicatorRoleArn', () => {
  it('names prod’s replicator role in the source account, for a target in another account', () => {
    expect(crossAccountReplicatorRoleArn(load({ 'platform:environment': 'dev', 'platform:replicationSourceAccountId': '111111111111' }))).toBe(
      'arn:aws:iam::111111111111:role/acme-config-replicator-prod',
    );
  });

  it('is undefined in one account, and in prod', () => {
    expect(crossAccountReplicatorRoleArn(load({ 'platform:environment': 'dev' }))).toBeUndefined();
    expect(crossAccountReplicatorRoleArn(load({ 'platform:environment': 'staging', 'platform:replicationSourceAccountId': '222222222222' }))).toBeUndefined();
    expect(crossAccountReplicatorRoleArn(load({ 'platform:environment': 'prod' }))).toBeUndefined();
  });
});

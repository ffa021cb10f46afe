import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  declaredInfrastructure,
  findInfrastructureDrift,
  type InfrastructureFinding,
  type PlanOfStack,
  readLiveInfrastructure,
} from '@data-platform/replicator';
import { ENVIRONMENT_NAMES } from '@data-platform/replication-contract';
import type { OpsClients } from '../aws-clients';
import type { Environments } from '../environments';
import { ConfigurationError } from '../exit-codes';
import { renderTable } from '../table';

/** The offline plan of one stack, as `npx nx run-many -t plan` writes it. */
function readPlan(planDir: string, stack: string): PlanOfStack {
  const file = join(planDir, `${stack}.json`);
  if (!existsSync(file)) {
    throw new ConfigurationError(`--plan-dir ${planDir} has no ${stack}.json: run \`npx nx run-many -t plan\` on this commit first (\`npx nx run ops:drift\` does)`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as PlanOfStack;
}

/**
 * Each environment's live table and bucket settings against the plan of this commit
 * and, for the settings every environment shares, against prod's. Plans are read
 * before any AWS call, so a missing plan costs nothing.
 */
export async function infrastructureDrift(environments: Environments, clients: () => OpsClients, planDir: string): Promise<InfrastructureFinding[]> {
  const plans = ENVIRONMENT_NAMES.map((name) => readPlan(planDir, name));
  const locations = ENVIRONMENT_NAMES.map((name) => environments[name]);
  const declared = locations.map((outputs, index) => declaredInfrastructure(plans[index] as PlanOfStack, outputs));
  const { bulk } = clients();
  const live = await Promise.all(
    locations.map((outputs) => readLiveInfrastructure({ dynamodb: bulk.dynamodb(outputs.region), s3: bulk.s3 }, outputs)),
  );
  return findInfrastructureDrift({ live, declared });
}

export function infrastructureTable(findings: readonly InfrastructureFinding[]): string {
  if (findings.length === 0) {
    return 'Infrastructure: no drift (tables and buckets match the plan of this commit and prod\'s shared settings)\n';
  }
  const rows = findings.map((finding) => [
    finding.environment,
    finding.resource,
    finding.setting,
    finding.comparedWith,
    finding.expected ?? '(absent)',
    finding.actual ?? '(absent)',
  ]);
  return `Infrastructure: ${findings.length} setting(s) drifted\n${renderTable(['ENV', 'RESOURCE', 'SETTING', 'VS', 'EXPECTED', 'ACTUAL'], rows)}`;
}

import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { stringFlag } from '../flags';
import { infrastructureDrift, infrastructureTable } from './infrastructure-drift';

export const drift: Command = {
  summary: 'report where dev and staging differ from prod, and where any environment differs from the plan',
  usage: `  --plan-dir <dir>         offline plans of this commit (default dist/plan; \`npx nx run ops:drift\` makes them)`,
  options: {
    'plan-dir': { type: 'string' },
  },
  async run(context) {
    const planDir = stringFlag(context.flags, 'plan-dir') ?? `${context.workspaceRoot}/dist/plan`;
    const environments = await context.environments();
    const infrastructure = await infrastructureDrift(environments, context.clients, planDir);
    return {
      exitCode: infrastructure.length > 0 ? EXIT.found : EXIT.ok,
      text: infrastructureTable(infrastructure),
      report: { infrastructure },
    };
  },
};

import { join } from 'node:path';
import { environmentStackName } from '@data-platform/env-module';
import type { EnvironmentName } from '@data-platform/replication-contract';
import { type OfflineResource, type OfflineStackOptions, type OfflineStackResult, runStackOffline } from '@data-platform/offline-stack';
import { loadProgramInJestIsolation } from '@data-platform/offline-stack/testing';

/** apps/, where each environment's app (`infra-<env>`) keeps its program and committed stack config. */
const APPS = join(__dirname, '..', '..', '..', 'apps');

export type ConfigOverrides = Readonly<Partial<Record<EnvironmentName, Readonly<Record<string, string>>>>>;

export interface PlanOptions {
  /** How each program is loaded; by default in an isolated Jest module registry (outside Jest, pass a plain loader). */
  readonly loadProgram?: OfflineStackOptions['loadProgram'];
}

/** One stack's planned resources, with strict lookups: a missing or ambiguous resource fails the test. */
export class PlannedStack {
  constructor(
    readonly environment: EnvironmentName,
    readonly result: OfflineStackResult,
  ) {}

  get outputs(): Readonly<Record<string, unknown>> {
    return this.result.outputs;
  }

  get resources(): readonly OfflineResource[] {
    return this.result.resources;
  }

  /** The logical name of a child of this environment's EnvironmentModule (`data-platform-<env>-<suffix>`). */
  name(suffix: string): string {
    return `data-platform-${this.environment}-${suffix}`;
  }

  ofType(type: string): OfflineResource[] {
    return this.resources.filter((resource) => resource.type === type);
  }

  /** Exactly the resource of `type` named `name` (a module suffix is expanded). */
  find(type: string, name: string): OfflineResource {
    const candidates = this.ofType(type);
    const matches = candidates.filter((resource) => resource.name === name || resource.name === this.name(name));
    if (matches.length !== 1) {
      throw new Error(
        `${this.environment}: expected one ${type} named ${name}, found ${matches.length} among [${candidates.map((resource) => resource.name).join(', ')}]`,
      );
    }
    return matches[0];
  }

  /** A string property holding JSON (policies, patterns), parsed. */
  json<T = Record<string, unknown>>(resource: OfflineResource, property: string): T {
    const value = resource.inputs[property];
    if (typeof value !== 'string') {
      throw new Error(`${resource.name}.${property} is not a JSON string: ${JSON.stringify(value)}`);
    }
    return JSON.parse(value) as T;
  }

  state(resource: OfflineResource, property: string): string {
    const value = resource.state[property];
    if (typeof value !== 'string') {
      throw new Error(`${resource.name} has no planned ${property}`);
    }
    return value;
  }
}

/** Runs one app's real program with its committed stack config (plus overrides). */
export async function planEnvironment(
  environment: EnvironmentName,
  options: PlanOptions & Pick<OfflineStackOptions, 'stackReferences' | 'configOverrides'> = {},
): Promise<PlannedStack> {
  const result = await runStackOffline({
    projectDir: join(APPS, `infra-${environment}`),
    stack: environment,
    ...options,
    loadProgram: options.loadProgram ?? loadProgramInJestIsolation,
  });
  return new PlannedStack(environment, result);
}

/**
 * Runs the three apps' real programs with their committed stack config (plus any
 * overrides), one after another: dev and staging first, then prod, whose
 * StackReferences return the outputs dev and staging just produced.
 */
export async function planAllEnvironments(overrides: ConfigOverrides = {}, options: PlanOptions = {}): Promise<Record<EnvironmentName, PlannedStack>> {
  const dev = await planEnvironment('dev', { ...options, configOverrides: overrides.dev });
  const staging = await planEnvironment('staging', { ...options, configOverrides: overrides.staging });
  const prod = await planEnvironment('prod', {
    ...options,
    configOverrides: overrides.prod,
    stackReferences: {
      [environmentStackName(dev.result.organization, 'dev')]: dev.outputs,
      [environmentStackName(staging.result.organization, 'staging')]: staging.outputs,
    },
  });
  return { dev, staging, prod };
}

// Every isolated load brings a fresh copy of the Pulumi SDK, which adds a process exit listener.
process.setMaxListeners(50);

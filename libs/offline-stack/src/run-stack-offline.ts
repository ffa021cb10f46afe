import { join, resolve } from 'node:path';
import * as pulumi from '@pulumi/pulumi';
import { PLACEHOLDER_ACCOUNT_ID, type PlannedLocation, planResource } from './planned-values';
import { readStackFiles } from './stack-files';

export interface OfflineStackOptions {
  /** Directory holding `Pulumi.yaml` and `Pulumi.<stack>.yaml`. */
  readonly projectDir: string;
  readonly stack: string;
  /** The program's entry file; defaults to `<projectDir>/index.ts`. */
  readonly program?: string;
  /** What `pulumi.getOrganization()` returns; the CLI's default for self-managed backends. */
  readonly organization?: string;
  /**
   * Outputs of other stacks for StackReferences: by fully-qualified name
   * (`org/project/stack`), or a function that looks up a name when a StackReference
   * asks for it (undefined: no outputs for that stack, and the reference fails).
   */
  readonly stackReferences?: StackReferenceOutputs;
  /** Config values that replace or add to the committed stack config (fully-qualified keys); undefined removes a committed value. */
  readonly configOverrides?: Readonly<Record<string, string | undefined>>;
  /**
   * Loads the program module. The default uses Node's `require` afresh each time;
   * under Jest, whose module registry `require.cache` does not reach, pass a loader
   * that uses `jest.isolateModules` to run the same program more than once.
   */
  readonly loadProgram?: (program: string) => unknown;
}

/** One resource the program registered, with the inputs it passed. */
export interface OfflineResource {
  readonly type: string;
  readonly name: string;
  /** `type::name` of the parent resource; undefined for children of the stack. */
  readonly parent?: string;
  readonly custom: boolean;
  /** Whether the type has tags (a `tagsAll` output); its planned `tagsAll` includes the provider's default tags. */
  readonly taggable: boolean;
  /** Name of the explicit provider resource it uses, if any. */
  readonly provider?: string;
  /** The inputs as the provider would receive them. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Planned id and state: inputs plus the values AWS would compute (ARNs, names). */
  readonly id?: string;
  readonly state: Readonly<Record<string, unknown>>;
}

/** Outputs by stack name, or a lookup of them; see `OfflineStackOptions.stackReferences`. */
export type StackReferenceOutputs =
  | Readonly<Record<string, Readonly<Record<string, unknown>>>>
  | ((name: string) => Readonly<Record<string, unknown>> | undefined);

export interface OfflineInvoke {
  readonly token: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}

export interface OfflineStackResult {
  readonly project: string;
  readonly stack: string;
  readonly organization: string;
  readonly location: PlannedLocation;
  readonly config: Readonly<Record<string, string>>;
  readonly outputs: Readonly<Record<string, unknown>>;
  readonly resources: readonly OfflineResource[];
  readonly invokes: readonly OfflineInvoke[];
}

export const DEFAULT_ORGANIZATION = 'organization';
const STACK_REFERENCE_TYPE = 'pulumi:pulumi:StackReference';

/**
 * Runs a Pulumi program under Pulumi's mock runtime with its committed stack
 * config, and returns every resource it registered and the stack's outputs. No
 * cloud and no CLI: the engine is replaced by deterministic planned values.
 *
 * Each run has its own Pulumi runtime state, so stacks can run one after another
 * in one process and the outputs of one feed the StackReferences of the next.
 */
export async function runStackOffline(options: OfflineStackOptions): Promise<OfflineStackResult> {
  const projectDir = resolve(options.projectDir);
  const files = readStackFiles(projectDir, options.stack);
  const config = Object.fromEntries(
    Object.entries({ ...files.config, ...options.configOverrides }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const organization = options.organization ?? DEFAULT_ORGANIZATION;
  const location: PlannedLocation = {
    accountId: config['platform:accountId'] ?? PLACEHOLDER_ACCOUNT_ID,
    region: config['aws:region'] ?? 'us-east-1',
    partition: 'aws',
  };
  const program = options.program ?? join(projectDir, 'index.ts');
  const recorder = new ResourceRecorder(location, stackReferenceLookup(options.stackReferences ?? {}));

  return withLocalStorage(async () => {
    // Like Pulumi's language host, the run owns stray errors while it lasts: a failed
    // Output rejects promises nobody awaits, and they belong to this run's result.
    const errors = new Set<unknown>();
    const collect = (error: unknown): void => {
      errors.add(error);
    };
    // A registration that fails with nothing waiting on it can leave the run pending
    // forever; the event loop then empties, and that is reported rather than exit 0.
    let onStall: () => void = () => undefined;
    const stalled = new Promise<never>((_resolve, reject) => {
      onStall = () => reject(firstOf(recorder.failures, errors) ?? new ProgramStalledError());
    });
    process.on('uncaughtException', collect);
    process.on('unhandledRejection', collect);
    process.on('beforeExit', onStall);
    try {
      pulumi.runtime.setAllConfig(config);
      await pulumi.runtime.setMocks(recorder, files.projectName, options.stack, false, organization);
      let outputs: unknown;
      try {
        outputs = await Promise.race([
          pulumi.runtime.runInPulumiStack(async () => {
            pulumi.runtime.registerStackTransformation((args) => {
              recorder.noteConstruction(args);
              return undefined;
            });
            const exported = (options.loadProgram ?? loadProgramAfresh)(program);
            return typeof exported === 'function' ? await exported() : await exported;
          }),
          stalled,
        ]);
        // Let registrations that no output depends on finish too.
        await Promise.race([pulumi.runtime.disconnect(), stalled]);
      } catch (error) {
        errors.add(error);
      }
      // A failed Output rejects several derived promises that nobody awaits; Node
      // reports them over the next turns of the event loop.
      for (let turn = 0; turn < 3; turn++) {
        await nextTurn();
      }
      // The engine's own errors first: they say what went wrong, the rest are echoes.
      const first = firstOf(recorder.failures, errors);
      if (first !== undefined) {
        throw first;
      }
      if (pulumi.log.hasErrors()) {
        throw new Error(`${files.projectName}/${options.stack}: the program logged errors`);
      }
      return {
        project: files.projectName,
        stack: options.stack,
        organization,
        location,
        config,
        outputs: (outputs ?? {}) as Record<string, unknown>,
        resources: recorder.resources,
        invokes: recorder.invokes,
      };
    } finally {
      process.off('uncaughtException', collect);
      process.off('unhandledRejection', collect);
      process.off('beforeExit', onStall);
    }
  });
}

export class ProgramStalledError extends Error {
  constructor() {
    super('the program never finished: a resource or output it waits on failed without reporting an error');
    this.name = 'ProgramStalledError';
  }
}

function firstOf(...groups: Iterable<unknown>[]): unknown {
  for (const group of groups) {
    for (const item of group) {
      return item;
    }
  }
  return undefined;
}

/**
 * Pulumi keeps its runtime state in one store per process. Its Automation API
 * runs each inline program in a fresh async-local store (automation/server.js);
 * the offline runner does the same, so several stacks can run one after another
 * in one process (prod after dev and staging). Internal to the SDK, hence untyped.
 */
const { withLocalStorage } = require('@pulumi/pulumi/runtime/state') as {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
};

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** The default loader: Node's require, afresh, so the same program can be run twice in one process. */
export function loadProgramAfresh(program: string): unknown {
  const path = require.resolve(program);
  delete require.cache[path];
  return require(path);
}

/** The mock engine: plans each resource and records what the program asked for. */
class ResourceRecorder implements pulumi.runtime.Mocks {
  readonly resources: OfflineResource[] = [];
  readonly invokes: OfflineInvoke[] = [];
  /** Errors the engine raised, more precise than what reaches the program. */
  readonly failures: unknown[] = [];
  private readonly parents = new Map<string, string>();
  private readonly taggable = new Set<string>();
  /** Default tags of each AWS provider resource, by provider name. */
  private readonly defaultTags = new Map<string, Record<string, string>>();
  private readonly keys = new WeakMap<pulumi.Resource, string>();

  constructor(
    private readonly location: PlannedLocation,
    private readonly stackReferenceOutputs: (name: string) => Readonly<Record<string, unknown>> | undefined,
  ) {}

  /** The mock engine is not told a resource's parent, so note it at construction. */
  noteConstruction(args: pulumi.ResourceTransformationArgs): void {
    const key = `${args.type}::${args.name}`;
    const parentKey = args.opts.parent === undefined ? undefined : this.keys.get(args.opts.parent);
    if (parentKey !== undefined) {
      this.parents.set(key, parentKey);
    }
    // Generated resource classes list their output-only properties as undefined inputs.
    if (Object.prototype.hasOwnProperty.call(args.props, 'tagsAll')) {
      this.taggable.add(key);
    }
    this.keys.set(args.resource, key);
  }

  newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    try {
      return this.plan(args);
    } catch (error) {
      // Nothing may be waiting on this resource to hear of its failure; keep it.
      this.failures.push(error);
      throw error;
    }
  }

  private plan(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
    const key = `${args.type}::${args.name}`;
    const parent = this.parents.get(key);
    if (args.type === STACK_REFERENCE_TYPE) {
      const name = String(args.inputs['name']);
      const outputs = this.stackReferenceOutputs(name);
      if (outputs === undefined) {
        throw new Error(`StackReference ${name}: no outputs for that stack (plan or deploy it first)`);
      }
      this.resources.push({ type: args.type, name: args.name, parent, custom: true, taggable: false, inputs: args.inputs, id: name, state: { outputs } });
      return { id: name, state: { name, outputs, secretOutputNames: [] } };
    }
    const custom = args.custom ?? false;
    const taggable = this.taggable.has(key);
    const provider = providerName(args.provider);
    if (args.type === 'pulumi:providers:aws') {
      this.defaultTags.set(args.name, parseDefaultTags(args.inputs['defaultTags']));
    }
    // As the AWS provider does: tagsAll = the provider's default tags, overridden by the resource's own.
    // The default provider's come from `aws:defaultTags` stack config, which is not modelled.
    const defaultTags = provider === undefined ? {} : this.defaultTags.get(provider);
    const inputs = taggable ? { ...args.inputs, tagsAll: { ...defaultTags, ...asTags(args.inputs['tags']) } } : args.inputs;
    const planned = custom ? planResource(args.type, args.name, inputs, this.location) : { id: undefined, state: {} };
    this.resources.push({ type: args.type, name: args.name, parent, custom, taggable, provider, inputs: args.inputs, id: planned.id, state: planned.state });
    return { id: planned.id, state: planned.state };
  }

  call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    this.invokes.push({ token: args.token, inputs: args.inputs });
    try {
      return answerInvoke(args.token, this.location);
    } catch (error) {
      // The SDK reports a failed invoke without its message; keep the original.
      this.failures.push(error);
      throw error;
    }
  }
}

function stackReferenceLookup(outputs: StackReferenceOutputs): (name: string) => Readonly<Record<string, unknown>> | undefined {
  return typeof outputs === 'function' ? outputs : (name) => (Object.hasOwn(outputs, name) ? outputs[name] : undefined);
}

/** A provider reference is `<provider urn>::<id>`; the urn ends with the provider's name. */
function providerName(reference: string | undefined): string | undefined {
  if (reference === undefined || reference === '') {
    return undefined;
  }
  const parts = reference.split('::');
  return parts[parts.length - 2];
}

/** Providers receive structured inputs as JSON strings. */
function parseDefaultTags(value: unknown): Record<string, string> {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  return asTags((parsed as { tags?: unknown } | undefined)?.tags);
}

function asTags(value: unknown): Record<string, string> {
  return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
}

/** The invokes a platform program may make; anything else is a mistake and fails loudly. */
function answerInvoke(token: string, at: PlannedLocation): Record<string, unknown> {
  switch (token) {
    case 'aws:index/getCallerIdentity:getCallerIdentity':
      return { id: at.accountId, accountId: at.accountId, arn: `arn:${at.partition}:iam::${at.accountId}:user/offline-plan`, userId: 'AIDAOFFLINEPLAN' };
    case 'aws:index/getRegion:getRegion':
      return { id: at.region, name: at.region, region: at.region, endpoint: `ec2.${at.region}.amazonaws.com`, description: at.region };
    case 'aws:index/getPartition:getPartition':
      return { id: at.partition, partition: at.partition, dnsSuffix: 'amazonaws.com', reverseDnsPrefix: 'com.amazonaws' };
    default:
      throw new Error(`offline run: unexpected invoke ${token}; add a planned answer in libs/offline-stack if it is intended`);
  }
}

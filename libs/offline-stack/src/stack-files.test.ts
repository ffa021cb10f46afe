import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readStackFiles, StackFileError } from './stack-files';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'stack-files-'));
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('readStackFiles', () => {
  it('merges project defaults under stack values and qualifies bare keys with the project name', () => {
    const dir = project({
      'Pulumi.yaml': 'name: infra-dev\nruntime: nodejs\nconfig:\n  platform:company:\n    default: acme\n  platform:tier: gold\n',
      'Pulumi.dev.yaml': 'config:\n  platform:tier: silver\n  note: hi\n  platform:lambda:\n    memoryMb: 256\n',
    });
    expect(readStackFiles(dir, 'dev')).toEqual({
      projectName: 'infra-dev',
      config: {
        'platform:company': 'acme',
        'platform:tier': 'silver',
        'infra-dev:note': 'hi',
        'platform:lambda': '{"memoryMb":256}',
      },
    });
  });

  it('names the missing file', () => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\n' });
    expect(() => readStackFiles(dir, 'prod')).toThrow(`${join(dir, 'Pulumi.prod.yaml')}: does not exist`);
  });

  it('names a file that is not valid YAML, with what is wrong and where', () => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\n', 'Pulumi.dev.yaml': 'config:\n  p:greeting: "\\q"\n' });
    const read = () => readStackFiles(dir, 'dev');
    expect(read).toThrow(StackFileError);
    expect(read).toThrow(`${join(dir, 'Pulumi.dev.yaml')}: is not valid YAML: Invalid escape sequence \\q at line 2, column 16`);
  });

  it('names a file it cannot read', () => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\n' });
    mkdirSync(join(dir, 'Pulumi.dev.yaml'));
    expect(() => readStackFiles(dir, 'dev')).toThrow(`${join(dir, 'Pulumi.dev.yaml')}: cannot be read: EISDIR`);
  });

  it('refuses secrets, which an offline run cannot decrypt', () => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\n', 'Pulumi.dev.yaml': 'config:\n  p:token:\n    secure: AAAB\n' });
    expect(() => readStackFiles(dir, 'dev')).toThrow('p:token is a secret; offline runs cannot decrypt secrets');
  });
});

describe('readStackFiles refuses what the program would misread', () => {
  const read = (stackYaml: string) => {
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\n', 'Pulumi.dev.yaml': stackYaml });
    return { dir, read: () => readStackFiles(dir, 'dev') };
  };

  it.each([
    ['null', 'platform:company: null', 'platform:company=null is invalid: a stack setting needs a value; set one, or remove the key to use the default'],
    ['~', 'platform:company: ~', 'platform:company=~ is invalid: a stack setting needs a value'],
    ['nothing', 'platform:company:', 'platform:company has no value: a stack setting needs a value; set one, or remove the key to use the default'],
  ])('a setting written as %s, which would reach the program as the string "null"', (_case, line, message) => {
    // Prepare
    const { dir, read: readIt } = read(`config:\n  aws:region: eu-west-1\n  ${line}\n`);
    // Act, Assess
    expect(readIt).toThrow(StackFileError);
    expect(readIt).toThrow(`${join(dir, 'Pulumi.dev.yaml')}: ${message}`);
  });

  it.each([
    ['.inf', 'platform:logRetentionDays: .inf', 'platform:logRetentionDays=.inf'],
    ['-.Inf', 'platform:logRetentionDays: -.Inf', 'platform:logRetentionDays=-.Inf'],
    ['.nan inside a map', 'platform:monitor:\n    timeoutSeconds: .nan', 'platform:monitor.timeoutSeconds=.nan'],
    ['.NaN inside a list', 'platform:replicationTargets: [dev, .NaN]', 'platform:replicationTargets[1]=.NaN'],
  ])('a number written as %s, which JSON would turn into null', (_case, line, written) => {
    const { read: readIt } = read(`config:\n  ${line}\n`);
    expect(readIt).toThrow(`${written} is invalid: must be a finite number (the engine hands config to the program as JSON, which has no infinity or NaN)`);
  });

  it('reports every such value of the file at once', () => {
    const { read: readIt } = read('config:\n  platform:company: null\n  platform:logRetentionDays: .inf\n');
    expect(readIt).toThrow(/:\n {2}- platform:company=null is invalid: .*\n {2}- platform:logRetentionDays=\.inf is invalid: /);
  });

  it('keeps a null inside a structured value, which reaches the program as JSON null for it to judge', () => {
    expect(read('config:\n  platform:monitor:\n    timeoutSeconds: null\n').read().config).toEqual({ 'platform:monitor': '{"timeoutSeconds":null}' });
  });

  it('a `config` written as a list, quoting its first entry', () => {
    const { read: readIt } = read('config:\n  - aws:region: eu-west-1\n  - platform:company: acme\n');
    expect(readIt).toThrow(StackFileError);
    expect(readIt).toThrow(
      '`config` is a list (written "- aws:region: eu-west-1"); it must be a map of settings, one `<namespace>:<key>: <value>` per line, such as `aws:region: eu-west-1` (no leading "- ")',
    );
  });

  it('a `config` that is a single value, in the stack file or the project file', () => {
    expect(read('config: aws:region=eu-west-1\n').read).toThrow('`config` is a single value; it must be a map of settings');
    const dir = project({ 'Pulumi.yaml': 'name: p\nruntime: nodejs\nconfig:\n  - platform:company\n', 'Pulumi.dev.yaml': 'config: {}\n' });
    expect(() => readStackFiles(dir, 'dev')).toThrow(`${join(dir, 'Pulumi.yaml')}: \`config\` is a list (written "- platform:company")`);
  });

  it('an empty `config` is no config', () => {
    expect(read('config:\n').read().config).toEqual({});
  });
});

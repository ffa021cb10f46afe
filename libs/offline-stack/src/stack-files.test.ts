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

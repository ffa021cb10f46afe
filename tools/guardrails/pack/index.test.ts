// Starts the pack the way `pulumi preview --policy-pack tools/guardrails/pack` does:
// the Node.js language host runs @pulumi/pulumi/cmd/run-policy-pack with the pack
// directory as its working directory and last argument (pulumi-language-nodejs
// RunPlugin); the runner compiles index.ts with ts-node, and the pack prints the
// port of its gRPC Analyzer server. The test then talks to it as the engine would.
import { type ChildProcess, spawn } from 'node:child_process';
import * as grpc from '@grpc/grpc-js';
import { AnalyzerClient } from '@pulumi/pulumi/proto/analyzer_grpc_pb';
import * as analyzer from '@pulumi/pulumi/proto/analyzer_pb';
import { Empty } from 'google-protobuf/google/protobuf/empty_pb';
import { Struct } from 'google-protobuf/google/protobuf/struct_pb';
import { guardrailPolicies } from '../src/policies';

const packDir = __dirname;
let pack: ChildProcess;
let client: AnalyzerClient;

beforeAll(async () => {
  const runner = require.resolve('@pulumi/pulumi/cmd/run-policy-pack', { paths: [packDir] });
  pack = spawn(process.execPath, [runner, '127.0.0.1:1', packDir], { cwd: packDir, stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<string>((resolve, reject) => {
    let stderr = '';
    pack.stderr?.on('data', (chunk) => (stderr += chunk));
    pack.stdout?.once('data', (chunk) => resolve(String(chunk).trim()));
    pack.once('exit', (code) => reject(new Error(`policy pack exited with ${code}: ${stderr}`)));
  });
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 60_000);

afterAll(() => {
  client?.close();
  pack?.kill();
});

type Callback<Response> = (error: grpc.ServiceError | null, response: Response) => void;

function unary<Response>(invoke: (callback: Callback<Response>) => unknown): Promise<Response> {
  return new Promise((resolve, reject) => invoke((error, response) => (error ? reject(error) : resolve(response))));
}

function options(): analyzer.AnalyzerResourceOptions {
  return new analyzer.AnalyzerResourceOptions().setCustomtimeouts(new analyzer.AnalyzerResourceOptions.CustomTimeouts());
}

describe('the policy pack, loaded by the Pulumi SDK policy runner', () => {
  it('serves every guardrail with its enforcement level', async () => {
    const info = await unary<analyzer.AnalyzerInfo>((done) => client.getAnalyzerInfo(new Empty(), done));
    expect(info.getName()).toBe('data-platform-guardrails');
    expect(info.getVersion()).toBe('0.1.0');
    expect(info.getPoliciesList().map((policy) => [policy.getName(), policy.getEnforcementlevel()])).toEqual(
      guardrailPolicies.map((policy) => [policy.name, policy.enforcementLevel === 'advisory' ? analyzer.EnforcementLevel.ADVISORY : analyzer.EnforcementLevel.MANDATORY]),
    );
  });

  it('reports a violating resource in Analyze', async () => {
    const request = new analyzer.AnalyzeRequest()
      .setType('aws:dynamodb/table:Table')
      .setName('metadata')
      .setUrn('urn:pulumi:dev::infra-dev::aws:dynamodb/table:Table::metadata')
      .setProperties(Struct.fromJavaScript({ billingMode: 'PROVISIONED', pointInTimeRecovery: { enabled: true }, tagsAll: { Environment: 'dev', Project: 'p', ManagedBy: 'pulumi' } }))
      .setOptions(options());
    const response = await unary<analyzer.AnalyzeResponse>((done) => client.analyze(request, done));
    expect(response.getDiagnosticsList().map((diagnostic) => [diagnostic.getPolicyname(), diagnostic.getMessage()])).toEqual([
      [
        'dynamodb-on-demand-billing',
        'Every DynamoDB table uses on-demand billing (billingMode PAY_PER_REQUEST).\nDynamoDB table metadata uses billing mode PROVISIONED; it must be PAY_PER_REQUEST (on-demand).',
      ],
    ]);
  });

  it('reports a bucket without its versioning in AnalyzeStack', async () => {
    const bucket = new analyzer.AnalyzerResource()
      .setType('aws:s3/bucket:Bucket')
      .setName('data')
      .setUrn('urn:pulumi:dev::infra-dev::aws:s3/bucket:Bucket::data')
      .setProperties(Struct.fromJavaScript({ bucket: 'acme-data-dev', arn: 'arn:aws:s3:::acme-data-dev' }))
      .setOptions(options());
    const response = await unary<analyzer.AnalyzeResponse>((done) => client.analyzeStack(new analyzer.AnalyzeStackRequest().setResourcesList([bucket]), done));
    const versioning = response.getDiagnosticsList().filter((diagnostic) => diagnostic.getPolicyname() === 's3-bucket-versioning');
    expect(versioning.map((diagnostic) => [diagnostic.getUrn(), diagnostic.getMessage().split('\n')[1]])).toEqual([
      [bucket.getUrn(), 'Bucket acme-data-dev has no BucketVersioning; versioning must be Enabled.'],
    ]);
  });
});

import { createServer, request } from 'node:http';
import { listenOnLoopback } from './local-server';

/** An error the proxy answers instead of DynamoDB, as DynamoDB would send it. */
export interface InjectedFault {
  readonly tableName: string;
  /** How many requests naming the table get the error; Infinity for "down for good". */
  readonly times: number;
  readonly status: number;
  readonly errorType: string;
}

/**
 * A tiny HTTP proxy in front of dynalite that answers chosen requests with a
 * DynamoDB error on the real wire protocol, so the real SDK parses and classifies
 * it exactly as it would a response from AWS.
 */
export async function startFaultProxy(upstream: string) {
  const faults: { fault: InjectedFault; remaining: number }[] = [];
  const requestsByTable = new Map<string, number>();

  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks);
      const tableName = tableNameOf(body);
      if (tableName !== undefined) {
        requestsByTable.set(tableName, (requestsByTable.get(tableName) ?? 0) + 1);
      }
      const active = faults.find(({ fault, remaining }) => fault.tableName === tableName && remaining > 0);
      if (active !== undefined) {
        active.remaining--;
        const payload = JSON.stringify({
          __type: `com.amazonaws.dynamodb.v20120810#${active.fault.errorType}`,
          message: `injected by the test proxy for ${tableName}`,
        });
        outgoing.writeHead(active.fault.status, {
          'content-type': 'application/x-amz-json-1.0',
          'x-amzn-errortype': active.fault.errorType,
          'content-length': Buffer.byteLength(payload),
        });
        outgoing.end(payload);
        return;
      }
      const forwarded = request(`${upstream}${incoming.url ?? '/'}`, { method: incoming.method, headers: incoming.headers }, (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      });
      forwarded.on('error', (error) => outgoing.destroy(error));
      forwarded.end(body);
    });
  });

  const listening = await listenOnLoopback(server);
  return {
    ...listening,
    inject(fault: InjectedFault) {
      faults.push({ fault, remaining: fault.times });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Requests seen for a table, faulted or forwarded. */
    requestsFor(tableName: string) {
      return requestsByTable.get(tableName) ?? 0;
    },
  };
}

function tableNameOf(body: Buffer): string | undefined {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { TableName?: unknown };
    return typeof parsed.TableName === 'string' ? parsed.TableName : undefined;
  } catch {
    return undefined;
  }
}

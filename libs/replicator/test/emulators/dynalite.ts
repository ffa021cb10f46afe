import dynalite from 'dynalite';
import { listenOnLoopback } from './local-server';

/** DynamoDB (in memory). No Streams API: tests build stream records themselves (lambda-events.ts). */
export function startDynalite() {
  return listenOnLoopback(dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 }));
}

import type { ReplicationAction } from '@data-platform/replication-contract';
import { isAtLeastAsNew, TABLE_ITEM_STAMP_ATTRIBUTE } from './sequence-stamp';

/**
 * The one rule of replication: apply prod's current state (put when the subject
 * exists in prod, delete when it does not), unless the target already holds a state
 * stamped at least as new as this change. Duplicates and late deliveries therefore
 * end as `skipped-newer`, and every target converges to prod.
 */
export function planReplication(state: {
  readonly sourceExists: boolean;
  readonly targetStamp: string | undefined;
  readonly changeStamp: string;
}): ReplicationAction {
  if (isAtLeastAsNew(state.targetStamp, state.changeStamp)) {
    return 'skipped-newer';
  }
  return state.sourceExists ? 'put' : 'delete';
}

/**
 * The same rule as a DynamoDB condition, so the target table evaluates it
 * atomically with the write: no read-then-write window for items.
 */
export function olderOrUnstampedCondition(changeStamp: string) {
  return stampCondition('attribute_not_exists(#stamp) OR #stamp < :stamp', changeStamp);
}

/** Matches only the state this change wrote; used to undo a put that prod's delete overtook. */
export function stampedByCondition(changeStamp: string) {
  return stampCondition('#stamp = :stamp', changeStamp);
}

function stampCondition(expression: string, changeStamp: string) {
  return {
    ConditionExpression: expression,
    ExpressionAttributeNames: { '#stamp': TABLE_ITEM_STAMP_ATTRIBUTE },
    ExpressionAttributeValues: { ':stamp': { S: changeStamp } },
  };
}

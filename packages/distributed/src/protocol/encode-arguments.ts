// Main side: encodes a task's arguments for a job, and explains which argument cannot
// travel (functions, symbols, shared-memory primitives and local queues do not cross machines).
import { serialize } from 'node:v8';
import { isRevivable } from '@concur/core';
import { encodeValue } from './job-data.js';

/**
 * Encodes `args` (or, for a chunk, the list of argument lists).
 * @param taskName - the task's export name, for messages.
 * @throws TypeError naming the first argument that cannot be sent, and why.
 */
export function encodeArguments(args: unknown[], chunk: boolean, taskName: string): string {
  const lists = chunk ? (args as unknown[][]) : [args];
  for (let item = 0; item < lists.length; item++) {
    lists[item]!.forEach((value, index) => {
      if (isRevivable(value)) {
        throw new TypeError(
          `${describeArgument(index, item, chunk, taskName)} is a ${value.constructor.name}, which lives in this machine's memory or sockets and cannot cross to another machine. ` +
            'Pass plain data, and share state through Redis or a database.',
        );
      }
    });
  }
  try {
    return encodeValue(args);
  } catch (cause) {
    throw explainUnsendable(lists, chunk, taskName, cause);
  }
}

function explainUnsendable(
  lists: unknown[][],
  chunk: boolean,
  taskName: string,
  cause: unknown,
): TypeError {
  for (let item = 0; item < lists.length; item++) {
    const args = lists[item]!;
    for (let index = 0; index < args.length; index++) {
      try {
        serialize(args[index]);
      } catch (error) {
        return new TypeError(
          `${describeArgument(index, item, chunk, taskName)} cannot be cloned: ${(error as Error).message}. ` +
            'Pass structured-cloneable data (no functions, symbols or class instances with methods).',
          { cause },
        );
      }
    }
  }
  return new TypeError(
    `The arguments of task \`${taskName}\` cannot be sent: ${(cause as Error)?.message ?? String(cause)}`,
    { cause },
  );
}

function describeArgument(index: number, item: number, chunk: boolean, taskName: string): string {
  return `argument ${index + 1} of task \`${taskName}\`${chunk ? ` (item ${item + 1} of the chunk)` : ''}`;
}

// Rebuilds a job from its JSON description inside the measuring process: which core
// workload runs, and every task's arguments.
import { resolveTaskSpec, type TaskSpec } from '@concur/core';
import {
  cpuTask,
  fileTask,
  httpTask,
  sleepTask,
  spin,
  square,
  transformBytes,
} from '@concur/core/workloads';
import type { Job } from '../strategies/run-job.js';
import type { WorkloadSpec } from './plan.js';

/** Per-process resources some workloads need. */
export interface WorkloadContext {
  /** A private temporary directory for file tasks. */
  readonly tmpDir: string;
  /** The loopback server's URL for HTTP tasks (started only when needed). */
  readonly serverUrl: string | undefined;
}

/** A workload ready to produce jobs. */
export interface PreparedWorkload {
  readonly task: TaskSpec;
  /** A job's arguments; fresh ones each call when buffers are transferred (they detach). */
  createJob(): Job;
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function argumentsOf(spec: WorkloadSpec, context: WorkloadContext): unknown[][] {
  const ids = range(spec.tasks);
  switch (spec.kind) {
    case 'cpu-task':
      return ids.map((i) => [i, spec.iterations]);
    case 'spin':
      return ids.map((i) => [spec.iterations, i + 1]);
    case 'noop':
      return ids.map((i) => [0, i + 1]);
    case 'square':
      return ids.map((i) => [i + 1, spec.delayMs]);
    case 'sleep':
      return ids.map((i) => [spec.delayMs, i]);
    case 'file':
      return ids.map((i) => [context.tmpDir, i, spec.bytes]);
    case 'http': {
      if (context.serverUrl === undefined) throw new Error('HTTP workload without a server.');
      const url = `${context.serverUrl}/?delay=${spec.delayMs}&bytes=${spec.bytes}`;
      return ids.map(() => [url]);
    }
    case 'payload':
      return ids.map((i) => {
        const input = new Uint8Array(spec.bytes);
        input.fill(i & 0xff);
        return [input, spec.bytes];
      });
    case 'custom':
      return ids.map((i) => [i]);
  }
}

async function taskOf(spec: WorkloadSpec): Promise<TaskSpec> {
  switch (spec.kind) {
    case 'cpu-task':
      return resolveTaskSpec(cpuTask);
    case 'spin':
    case 'noop':
      return resolveTaskSpec(spin);
    case 'square':
      return resolveTaskSpec(square);
    case 'sleep':
      return resolveTaskSpec(sleepTask);
    case 'file':
      return resolveTaskSpec(fileTask);
    case 'http':
      return resolveTaskSpec(httpTask);
    case 'payload':
      return resolveTaskSpec(transformBytes);
    case 'custom':
      return { moduleUrl: spec.moduleUrl, exportName: spec.exportName };
  }
}

/**
 * Prepares a workload: resolves its task and builds its arguments.
 * @throws Error when an HTTP workload has no server or a task cannot be resolved.
 */
export async function prepareWorkload(
  spec: WorkloadSpec,
  context: WorkloadContext,
): Promise<PreparedWorkload> {
  const task = await taskOf(spec);
  const transfer = spec.kind === 'payload' && spec.transfer;
  const shared = transfer ? undefined : argumentsOf(spec, context);
  return {
    task,
    createJob() {
      if (shared !== undefined) return { task, argsList: shared };
      const argsList = argumentsOf(spec, context);
      const transferList = argsList.map((args) => [(args[0] as Uint8Array).buffer as ArrayBuffer]);
      return { task, argsList, transferList };
    },
  };
}

/** A stable key for a workload, so one baseline serves every config that shares it. */
export function workloadKey(spec: WorkloadSpec): string {
  const { kind, ...rest } = spec;
  const parameters = Object.entries(rest)
    .filter(([key]) => key !== 'transfer')
    .map(([key, value]) => `${key}=${String(value)}`);
  return `${kind}(${parameters.join(',')})`;
}

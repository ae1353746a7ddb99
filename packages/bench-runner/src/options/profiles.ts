// The four run profiles: how many rounds and jobs, and how big each scenario's grid is.

/** Profile names accepted by `--profile`. */
export const PROFILE_NAMES = ['smoke', 'quick', 'full', 'scaling'] as const;
/** A profile name. */
export type ProfileName = (typeof PROFILE_NAMES)[number];

/** Everything a profile decides. */
export interface Profile {
  readonly name: ProfileName;
  /** Rounds: each strategy group runs once per round in a fresh process. */
  readonly rounds: number;
  /** Timed jobs per configuration per round. */
  readonly jobs: number;
  /** Cold samples per configuration per round (each builds and closes a pool). */
  readonly coldJobs: number;
  /** Whether the tutorial's CPU scenario also runs at CPython's task size (~40–50 ms). */
  readonly tutorialPythonSize: boolean;
  /** The phases the scaling scenario measures. */
  readonly scalingPhases: readonly ('warm' | 'cold')[];
  /** The tutorial's square sleep (the tutorial sleeps 1000 ms), ms. */
  readonly squareDelayMs: number;
  /** CPU scaling: task duration, ms, and tasks per worker at the largest worker count. */
  readonly scalingTaskMs: number;
  readonly scalingTasksPerWorker: number;
  /** Crossover: task durations (µs) and the sequential work per job aimed at, ms. */
  readonly crossoverGridUs: readonly number[];
  readonly crossoverJobMs: number;
  /** I/O: in-flight limits, tasks per job, per-task wait (ms) and file size (bytes). */
  readonly ioInFlight: readonly number[];
  readonly ioTasks: number;
  readonly ioDelayMs: number;
  readonly ioFileBytes: number;
  /** Overheads: burst size, round-trip count, chunksizes, payload sizes (bytes). */
  readonly burstTasks: number;
  readonly roundTrips: number;
  readonly chunksizes: readonly number[];
  readonly payloadBytes: readonly number[];
  /** Peers: the CPU-bound comparison's task duration, ms (issue 7 uses 50). */
  readonly peerCpuTaskMs: number;
  /**
   * Distributed: CPU task durations (µs) for DistributedExecutor vs ProcessPoolExecutor;
   * empty: the scenario is not measured (it needs Redis and takes minutes).
   */
  readonly distributedTaskUs: readonly number[];
}

const QUICK: Profile = {
  name: 'quick',
  rounds: 5,
  jobs: 3,
  coldJobs: 2,
  tutorialPythonSize: true,
  scalingPhases: ['warm', 'cold'],
  squareDelayMs: 100,
  scalingTaskMs: 5,
  scalingTasksPerWorker: 4,
  crossoverGridUs: [10, 30, 100, 300, 1000, 3000, 10_000],
  crossoverJobMs: 40,
  ioInFlight: [1, 4, 16, 64],
  ioTasks: 64,
  ioDelayMs: 5,
  ioFileBytes: 16_384,
  burstTasks: 2000,
  roundTrips: 300,
  chunksizes: [1, 16, 128],
  payloadBytes: [1024, 65_536, 1_048_576],
  peerCpuTaskMs: 20,
  distributedTaskUs: [],
};

const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  smoke: {
    name: 'smoke',
    rounds: 2,
    jobs: 2,
    coldJobs: 1,
    tutorialPythonSize: false,
    scalingPhases: ['warm'],
    squareDelayMs: 20,
    scalingTaskMs: 1,
    scalingTasksPerWorker: 2,
    crossoverGridUs: [30, 1000],
    crossoverJobMs: 10,
    ioInFlight: [4],
    ioTasks: 32,
    ioDelayMs: 2,
    ioFileBytes: 4096,
    burstTasks: 200,
    roundTrips: 50,
    chunksizes: [32],
    payloadBytes: [65_536],
    peerCpuTaskMs: 2,
    distributedTaskUs: [],
  },
  quick: QUICK,
  full: {
    ...QUICK,
    name: 'full',
    rounds: 10,
    jobs: 5,
    coldJobs: 3,
    squareDelayMs: 1000,
    scalingTaskMs: 20,
    crossoverGridUs: [10, 30, 100, 300, 1000, 3000, 10_000, 30_000, 100_000],
    crossoverJobMs: 100,
    ioInFlight: [1, 4, 16, 64, 256],
    ioTasks: 512,
    burstTasks: 10_000,
    roundTrips: 1000,
    chunksizes: [1, 4, 16, 128],
    payloadBytes: [1024, 65_536, 1_048_576, 10_485_760],
    peerCpuTaskMs: 50,
    distributedTaskUs: [100, 1000, 10_000],
  },
  scaling: {
    ...QUICK,
    name: 'scaling',
    rounds: 7,
    scalingTaskMs: 20,
    scalingTasksPerWorker: 8,
    crossoverGridUs: [100, 1000, 10_000],
  },
};

/** Returns the profile called `name`. */
export function getProfile(name: ProfileName): Profile {
  return PROFILES[name];
}

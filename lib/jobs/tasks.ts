// The registry of background tasks: name -> handler and retry policy. Domain modules
// register their tasks with defineTask(); lib/jobs/all-tasks.ts imports them all so a
// worker knows every task.
import type { Db } from "../db";

/** `attempt` counts from 1; when it reaches `maxAttempts` (set by the worker), a failure dead-letters the job. */
export type JobContext = { db: Db; jobId: string; attempt: number; maxAttempts?: number; signal: AbortSignal };

export type TaskDefinition<P = unknown> = {
  name: string;
  run(payload: P, context: JobContext): Promise<void>;
  /** Attempts before the job is dead-lettered. */
  maxAttempts?: number;
  /** A running job's lock lasts this long and is renewed while it runs; a dead worker's job is retried after it. */
  lockMs?: number;
  /**
   * Called once a job is dead-lettered, including when its worker died during the last
   * attempt (the task's own error handling never ran then), so the row the job is about
   * can say so. Failures here are logged, never retried.
   */
  onDead?(payload: P, context: { db: Db; jobId: string; error: string }): Promise<void>;
  /** Recurring tasks are enqueued once per period by every worker's scheduler (de-duplicated). */
  every?: "minute" | "hour" | "day";
};

const tasks = new Map<string, TaskDefinition>();

export function defineTask<P>(definition: TaskDefinition<P>): TaskDefinition<P> {
  tasks.set(definition.name, definition as TaskDefinition);
  return definition;
}

export function taskNamed(name: string): TaskDefinition | undefined {
  return tasks.get(name);
}

export function recurringTasks(): TaskDefinition[] {
  return [...tasks.values()].filter((task) => task.every);
}

package org.quotient.engine.job;

/** Where the territory solve runs. */
public enum SolveOn {
  /** On the executors when the master is a cluster, in the driver when it is local. */
  AUTO,
  /** In the driver JVM, on its threads. */
  DRIVER,
  /** One Spark task per segment partition on the executors; the driver assembles the plan. */
  EXECUTORS
}

package dev.migrations.benchmark;

/**
 * One process's numbers.
 * @param stepMs the migration step, measured inside the process
 * @param readyMs from the JVM's start to the application being ready (and having used its database once), inside
 * the process
 * @param wallMs from starting the process to its exit, measured by the harness
 * @param rssKb peak resident set size ({@code VmHWM}) just before the process exits
 * @param cpuMs CPU time the process used until it was ready, all its threads (JIT compilers, GC) included: less
 * sensitive than the times to other work on the machine
 * @param openMs opening (and closing) one connection as soon as the DataSource bean exists, inside the process, in
 * the {@link Results#NOOP_OPEN} cells; 0 elsewhere
 */
record Measurement(double stepMs, double readyMs, double wallMs, double rssKb, double cpuMs, double openMs) {
}

/**
 * The benchmark harness (issue 7, docs/benchmark.md): generates revisions in each tool's
 * format, starts each variant of the application as a process of its own, and writes the
 * Markdown report.
 */
package dev.migrations.benchmark;

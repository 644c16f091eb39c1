/**
 * What runs inside the measured processes: the one Spring Boot application every variant
 * starts, and the plain JDBC lower limit. Depends on nothing but Spring Boot and JDBC, so
 * that each process's class path decides what it is.
 */
package dev.migrations.benchmark.app;

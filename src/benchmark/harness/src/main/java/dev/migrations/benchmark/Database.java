package dev.migrations.benchmark;

/**
 * One database a cell runs on.
 *
 * @param kind {@code h2} or {@code postgresql}
 * @param url its JDBC URL
 * @param user the user
 * @param password the password
 */
record Database(String kind, String url, String user, String password) {
}

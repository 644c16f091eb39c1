/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.migrations.internal.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.DatabaseInfo;

/**
 * Takes a backup of a database before a migration writes to it:
 * {@code pg_dump --format=custom} on PostgreSQL, {@code SCRIPT TO ... COMPRESSION GZIP}
 * on H2 file databases. Files are named
 * {@code <database>-<from>-to-<to>-<yyyyMMdd-HHmmss>.<ext>}, created with mode 0600,
 * verified readable, and only the newest {@code keep} of them are kept.
 *
 * @author Migrations for Spring Boot contributors
 */
public class DatabaseBackups {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBackups.class);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Pattern PG_DUMP_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");

	private static final String PARTIAL = ".partial";

	private final BackupSettings settings;

	private volatile boolean warned;

	// PostgreSQL's size rule (migrations.backup.max-size): see DumpScope.
	private volatile @Nullable Long maxSize;

	private volatile java.time.Duration progressEvery = java.time.Duration.ofSeconds(5);

	// The file of the backup being written, until it is complete.
	private volatile @Nullable Path writing;

	/**
	 * Create a backup service.
	 * @param settings how to take backups
	 */
	public DatabaseBackups(BackupSettings settings) {
		this.settings = settings;
	}

	/**
	 * Set the largest backup taken before a migration of a PostgreSQL database: above it
	 * only the tables the pending revisions write to are dumped (with the schema of every
	 * table), or none when even they are above it.
	 * @param maxSize the size in bytes, or {@code null} for no limit
	 */
	public void setMaxSize(@Nullable Long maxSize) {
		this.maxSize = maxSize;
	}

	/**
	 * Set how often a running dump logs its size.
	 * @param every the interval
	 */
	public void setProgressInterval(java.time.Duration every) {
		this.progressEvery = every;
	}

	/**
	 * Take a backup of the whole database now, whatever its size: the {@code backup}
	 * command of a deploy step.
	 * @param connection a connection to the database
	 * @param database the database
	 * @param revision the database's current revision
	 * @return the backup
	 * @throws BackupFailedException if it cannot be taken
	 */
	public Backup takeWhole(Connection connection, DatabaseInfo database, String revision) {
		Backup backup = take(connection, database, revision, "backup", null, false, true);
		if (backup == null) {
			throw new BackupFailedException(
					"backups are disabled (migrations.backup.enabled=false) or the database " + "is in memory",
					new IllegalStateException("no backup"));
		}
		return backup;
	}

	/**
	 * Take a backup if this database can and should have one; on PostgreSQL above
	 * {@link #setMaxSize(Long) the size limit}, only the tables the pending revisions
	 * write to.
	 * @param connection a connection to the database
	 * @param database the database
	 * @param from the revision before the migration
	 * @param to the revision after it
	 * @param written the tables the pending revisions write to ({@code name} or
	 * {@code schema.name}, lower case), or {@code null} if not known
	 * @return the backup, or {@code null} when none was taken
	 * @throws BackupFailedException if a required backup cannot be taken
	 */
	public @Nullable Backup take(Connection connection, DatabaseInfo database, String from, String to,
			java.util.@Nullable Set<String> written) {
		return take(connection, database, from, to, written, true, this.settings.required());
	}

	/**
	 * Take a backup if this database can and should have one.
	 * @param connection a connection to the database
	 * @param database the database
	 * @param from the revision before the migration
	 * @param to the revision after it
	 * @return the backup, or {@code null} when none was taken (disabled, in-memory
	 * database, not possible and not required)
	 * @throws BackupFailedException if a required backup cannot be taken
	 */
	public @Nullable Backup take(Connection connection, DatabaseInfo database, String from, String to) {
		return take(connection, database, from, to, null, false, this.settings.required());
	}

	private @Nullable Backup take(Connection connection, DatabaseInfo database, String from, String to,
			java.util.@Nullable Set<String> written, boolean limited, boolean required) {
		if (!this.settings.enabled()) {
			return null;
		}
		if (database.isH2() && database.url().startsWith("jdbc:h2:mem:")) {
			logger.debug("No backup of in-memory database {}", database.url());
			return null;
		}
		try {
			Backup backup;
			if (database.isPostgres()) {
				DumpScope scope = limited ? DumpScope.decide(connection, this.maxSize, written) : DumpScope.whole();
				backup = pgDump(connection, database, from, to, scope);
			}
			else if (database.isH2()) {
				backup = h2Script(connection, database, from, to);
			}
			else if (database.isMariaDbOrMySql()) {
				backup = new MariaDbDump(this.settings, this::newFile, this::complete).take(connection, database, from,
						to);
			}
			else {
				throw new IOException(
						"backups are supported on PostgreSQL, MariaDB, MySQL and H2, not on " + database.product());
			}
			logger.info("Backup of {} taken before migrating: {} (restore: {})", database.url(), backup.file(),
					backup.restoreCommand());
			prune(databaseName(connection, database));
			return backup;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			if (required && ex instanceof DumpScope.TooLarge) {
				throw new BackupFailedException(
						"No backup was taken before migrating " + database.url() + ": " + ex.getMessage()
								+ ". A dump that large is not taken at startup, where a startup probe would "
								+ "kill it. Nothing was written to the database.",
						"Take the backup as a deploy step before the application starts: java -jar app.jar "
								+ "--migrations.command=backup (it dumps the whole database, whatever its size), "
								+ "then run the upgrade the same way (--migrations.command=upgrade) or start the "
								+ "application; or raise migrations.backup.max-size, or set "
								+ "migrations.backup.required=false to migrate without it.",
						ex);
			}
			BackupFailure failure = failure(ex);
			if (required) {
				throw new BackupFailedException(failure, ex);
			}
			if (!this.warned) {
				logger.warn("No backup taken before migrating {}: {} {} (migrations.backup.required=false, going on "
						+ "without a backup)", database.url(), failure.reason(), failure.action());
				this.warned = true;
			}
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BackupFailedException("interrupted", ex);
		}
	}

	private Backup h2Script(Connection connection, DatabaseInfo database, String from, String to)
			throws IOException, SQLException {
		Path partial = newFile(databaseName(connection, database), from, to, ".sql.gz");
		try (Statement statement = connection.createStatement()) {
			statement
				.execute("SCRIPT TO '" + partial.toAbsolutePath().toString().replace("'", "''") + "' COMPRESSION GZIP");
		}
		H2Scripts.releaseMigrationLocks(partial);
		ownerOnly(partial);
		Path file = complete(partial);
		return new Backup(file, "DROP ALL OBJECTS; RUNSCRIPT FROM '" + file.toAbsolutePath() + "' COMPRESSION GZIP"
				+ " (in the database, with the application stopped)");
	}

	private Backup pgDump(Connection connection, DatabaseInfo database, String from, String to, DumpScope scope)
			throws IOException, SQLException, InterruptedException {
		if (this.settings.jdbcUrl() == null) {
			throw new IOException("the connection settings of the database are unknown to the starter (a DataSource "
					+ "bean without spring.datasource.* or migrations.url), so pg_dump cannot connect");
		}
		PgTarget target = PgTarget.parse(this.settings.jdbcUrl());
		int serverMajor = connection.getMetaData().getDatabaseMajorVersion();
		int dumpMajor = pgDumpMajorVersion();
		if (dumpMajor < serverMajor) {
			throw new IOException(this.settings.pgDumpPath() + " is version " + dumpMajor
					+ ", older than the PostgreSQL server (" + serverMajor + ")");
		}
		Path partial = newFile(target.database(), from, to, ".dump");
		List<String> command = new ArrayList<>(List.of(this.settings.pgDumpPath(), "--format=custom",
				"--file=" + partial.toAbsolutePath(), "--host=" + target.host(), "--port=" + target.port(),
				"--dbname=" + target.database(), "--no-password"));
		if (this.settings.user() != null) {
			command.add("--username=" + this.settings.user());
		}
		command.addAll(scope.arguments());
		if (scope.partial()) {
			logger.info("Backup of {} before migrating: {}", database.url(), scope.description());
		}
		try (DumpProgress progress = DumpProgress.watch(partial, database.url(), this.progressEvery)) {
			run(command, "pg_dump");
		}
		ownerOnly(partial);
		run(List.of(sibling("pg_restore"), "--list", partial.toAbsolutePath().toString()), "pg_restore --list");
		Path file = complete(partial);
		String restore = restoreInPlace(target, database.container().name(), file);
		if (scope.partial()) {
			// Restoring it over the database with --clean would empty every table whose
			// data it leaves out.
			restore = "pg_restore --no-owner --host=" + target.host() + " --port=" + target.port()
					+ ((this.settings.user() != null) ? " --username=" + this.settings.user() : "")
					+ " --dbname=<a new, empty database> " + file.toAbsolutePath() + "  (tables-only backup: "
					+ scope.description() + "; copy those tables back from there, see docs/postgresql-production.md)";
		}
		return new Backup(file, restore);
	}

	/**
	 * The commands that restore a backup in place, whatever revisions ran after it: the
	 * migrated schema dropped and created again, then the dump's objects of that schema
	 * restored into it. ({@code pg_restore --clean} only drops what the dump holds: a
	 * table a later revision added, with foreign keys to the dump's tables, blocks it.)
	 * @param file the file
	 * @param schema the schema
	 * @param target the target
	 * @return the string
	 */
	private String restoreInPlace(PgTarget target, String schema, Path file) {
		String name = schema;
		String connect = "--host=" + target.host() + " --port=" + target.port()
				+ ((this.settings.user() != null) ? " --username=" + this.settings.user() : "") + " --dbname="
				+ target.database();
		return "psql " + connect + " --set=ON_ERROR_STOP=1 --command='DROP SCHEMA \"" + name + "\" CASCADE; "
				+ "CREATE SCHEMA \"" + name + "\";' && pg_restore --no-owner --exit-on-error --schema=" + name + " "
				+ connect + " " + file.toAbsolutePath();
	}

	/**
	 * The failure of a backup, its cause told apart. A file the failed tool began is
	 * deleted at once: it is never a usable backup, and a disk it filled stays full while
	 * it is there. (A process killed mid-backup leaves it; see the docs.)
	 * @param ex the ex
	 * @return the backup failure
	 */
	private BackupFailure failure(Exception ex) {
		Path partial = this.writing;
		this.writing = null;
		boolean deleted = false;
		if (partial != null) {
			try {
				deleted = Files.deleteIfExists(partial);
			}
			catch (IOException deletion) {
				logger.debug("Cannot delete {}", partial, deletion);
			}
		}
		return BackupFailure.of(ex, this.settings, partial, deleted);
	}

	private int pgDumpMajorVersion() throws IOException, InterruptedException {
		String output = run(List.of(this.settings.pgDumpPath(), "--version"), "pg_dump --version");
		Matcher matcher = PG_DUMP_VERSION.matcher(output);
		if (!matcher.find()) {
			throw new IOException("cannot read the version of " + this.settings.pgDumpPath() + ": " + output.strip());
		}
		return Integer.parseInt(matcher.group(1));
	}

	private String sibling(String tool) {
		Path dump = Path.of(this.settings.pgDumpPath());
		return (dump.getParent() != null) ? dump.getParent().resolve(tool).toString() : tool;
	}

	private String run(List<String> command, String what) throws IOException, InterruptedException {
		return ToolProcess.run(command, this.settings.password(), what, command.get(0) + " cannot be run ({output})");
	}

	private Path newFile(String database, String from, String to, String extension) throws IOException {
		if (!Files.isDirectory(this.settings.directory())) {
			try {
				Files.createDirectories(this.settings.directory(),
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			catch (UnsupportedOperationException ex) {
				Files.createDirectories(this.settings.directory());
			}
		}
		String name = safe(database) + "-" + safe(from) + "-to-" + safe(to) + "-"
				+ LocalDateTime.now().format(TIMESTAMP) + extension;
		Path file = this.settings.directory().resolve(name);
		int attempt = 1;
		while (Files.exists(file) || Files.exists(partial(file))) {
			file = this.settings.directory().resolve(name.replace(extension, "-" + attempt++ + extension));
		}
		Path partial = partial(file);
		try {
			Files.createFile(partial,
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(partial);
		}
		this.writing = partial;
		return partial;
	}

	/**
	 * A backup is written under {@code <name>.partial} and gets its name once verified: a
	 * backup cut short (the process killed, the tool failed) is never mistaken for one,
	 * nor counted by {@code keep}.
	 * @param file the file
	 * @return the path
	 */
	private static Path partial(Path file) {
		return file.resolveSibling(file.getFileName() + PARTIAL);
	}

	private Path complete(Path partial) throws IOException {
		this.writing = null;
		String name = partial.getFileName().toString();
		Path file = partial.resolveSibling(name.substring(0, name.length() - PARTIAL.length()));
		try {
			return Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			return Files.move(partial, file);
		}
	}

	// Tools may replace the file we created; its mode is set again once they are done.
	private static void ownerOnly(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			logger.debug("Cannot restrict the permissions of {} on this file system", file);
		}
	}

	/**
	 * Delete the oldest backups of a database beyond {@code keep}; files not named by
	 * this starter are left alone.
	 * @param database the database name
	 * @throws IOException if the directory cannot be listed
	 */
	void prune(String database) throws IOException {
		Pattern ours = Pattern
			.compile(Pattern.quote(safe(database)) + "-.+-to-.+-(\\d{8}-\\d{6})(-\\d+)?(\\.dump|\\.sql\\.gz)");
		List<Path> backups;
		try (Stream<Path> files = Files.list(this.settings.directory())) {
			backups = files.filter((file) -> ours.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing((Path file) -> {
					Matcher matcher = ours.matcher(file.getFileName().toString());
					matcher.matches();
					return matcher.group(1);
				}).thenComparing((Path file) -> file.getFileName().toString()))
				.toList();
		}
		for (int i = 0; i < backups.size() - this.settings.keep(); i++) {
			Files.deleteIfExists(backups.get(i));
			logger.info("Deleted old backup {} (migrations.backup.keep={})", backups.get(i), this.settings.keep());
		}
	}

	static String databaseName(Connection connection, DatabaseInfo database) throws SQLException {
		if (database.isPostgres()) {
			return connection.getCatalog();
		}
		if (database.isMariaDbOrMySql()) {
			return database.container().name();
		}
		String url = database.url();
		String path = url.replaceFirst("^jdbc:h2:(file:|tcp://[^/]*/|ssl://[^/]*/)?", "");
		int end = path.indexOf(';');
		path = (end >= 0) ? path.substring(0, end) : path;
		String name = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
		return name.isEmpty() ? "database" : name;
	}

	private static String safe(String text) {
		return text.replaceAll("[^A-Za-z0-9_.]", "_").toLowerCase(Locale.ROOT);
	}

	private record PgTarget(String host, int port, String database) {

		static PgTarget parse(String jdbcUrl) {
			URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
			String host = (uri.getHost() != null) ? uri.getHost() : "localhost";
			int port = (uri.getPort() > 0) ? uri.getPort() : 5432;
			String path = (uri.getPath() != null) ? uri.getPath() : "";
			String database = path.startsWith("/") ? path.substring(1) : path;
			return new PgTarget(host, port, database);
		}

	}

}

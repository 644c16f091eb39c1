package dev.migrations.backup;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import dev.migrations.engine.DatabaseInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a backup of a database before a migration writes to it:
 * {@code pg_dump --format=custom} on PostgreSQL, {@code SCRIPT TO ... COMPRESSION GZIP}
 * on H2 file databases. Files are named
 * {@code <database>-<from>-to-<to>-<yyyyMMdd-HHmmss>.<ext>}, created with mode 0600,
 * verified readable, and only the newest {@code keep} of them are kept.
 */
public class DatabaseBackups {

	private static final Logger logger = LoggerFactory.getLogger(DatabaseBackups.class);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final Pattern PG_DUMP_VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)");

	private static final long PROCESS_TIMEOUT_MINUTES = 60;

	private static final String PARTIAL = ".partial";

	private final BackupSettings settings;

	private volatile boolean warned;

	/**
	 * Create a backup service.
	 * @param settings how to take backups
	 */
	public DatabaseBackups(BackupSettings settings) {
		this.settings = settings;
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
				backup = pgDump(connection, database, from, to);
			}
			else if (database.isH2()) {
				backup = h2Script(connection, database, from, to);
			}
			else if (database.isMariaDbOrMySql()) {
				backup = new MariaDbDump(this.settings, this::newFile, DatabaseBackups::complete).take(connection,
						database, from, to);
			}
			else {
				throw new IOException("backups are supported on PostgreSQL and H2, not on " + database.product());
			}
			logger.info("Backup of {} taken before migrating: {} (restore: {})", database.url(), backup.file(),
					backup.restoreCommand());
			prune(databaseName(connection, database));
			return backup;
		}
		catch (IOException | SQLException | RuntimeException ex) {
			if (this.settings.required()) {
				throw new BackupFailedException(ex.getMessage(), ex);
			}
			if (!this.warned) {
				logger.warn("No backup taken before migrating {}: {} (migrations.backup.required=false, going on)",
						database.url(), ex.getMessage());
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
		ownerOnly(partial);
		try (InputStream in = new GZIPInputStream(Files.newInputStream(partial))) {
			byte[] head = in.readNBytes(64);
			if (head.length == 0) {
				throw new IOException("backup " + partial + " is empty");
			}
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		Path file = complete(partial);
		return new Backup(file, "RUNSCRIPT FROM '" + file.toAbsolutePath() + "' COMPRESSION GZIP"
				+ "  (in an empty database, e.g. after DROP ALL OBJECTS)");
	}

	private Backup pgDump(Connection connection, DatabaseInfo database, String from, String to)
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
		run(command, "pg_dump");
		ownerOnly(partial);
		run(List.of(sibling("pg_restore"), "--list", partial.toAbsolutePath().toString()), "pg_restore --list");
		Path file = complete(partial);
		String restore = "pg_restore --clean --if-exists --no-owner --host=" + target.host() + " --port="
				+ target.port() + ((this.settings.user() != null) ? " --username=" + this.settings.user() : "")
				+ " --dbname=" + target.database() + " " + file.toAbsolutePath();
		return new Backup(file, restore);
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
		byte[] output;
		ToolProcess process = ToolProcess.start(command, this.settings.password());
		try {
			output = process.readOutput();
			if (!process.waitFor(PROCESS_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
				throw new IOException(what + " did not finish within " + PROCESS_TIMEOUT_MINUTES + " minutes");
			}
		}
		finally {
			process.close();
		}
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.notRunnable()) {
			throw new IOException(command.get(0) + " cannot be run (" + text.strip() + ")");
		}
		if (process.exitValue() != 0) {
			throw new IOException(what + " failed with exit code " + process.exitValue() + ": " + text.strip());
		}
		return text;
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
		return partial;
	}

	/**
	 * A backup is written under {@code <name>.partial} and gets its name once verified: a
	 * backup cut short (the process killed, the tool failed) is never mistaken for one,
	 * nor counted by {@code keep}.
	 */
	private static Path partial(Path file) {
		return file.resolveSibling(file.getFileName() + PARTIAL);
	}

	private static Path complete(Path partial) throws IOException {
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

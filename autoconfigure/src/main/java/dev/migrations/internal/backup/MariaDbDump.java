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
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.migrations.Backup;
import dev.migrations.DatabaseInfo;

/**
 * The backup of a MariaDB or MySQL database: {@code mariadb-dump} (or {@code mysqldump})
 * {@code --single-transaction --routines --triggers --events}, the password in an option
 * file readable by the owner only (never on the command line), verified by the dump's
 * completion marker, then compressed: {@code <database>-<from>-to-<to>-<time>.sql.gz}.
 *
 * @author Migrations for Spring Boot contributors
 */
final class MariaDbDump {

	private static final Logger logger = LoggerFactory.getLogger(MariaDbDump.class);

	/** The last line a complete dump ends with (unless --skip-dump-date). */
	static final String COMPLETED = "-- Dump completed";

	private static final List<String> TOOLS = List.of("mariadb-dump", "mysqldump");

	private final BackupSettings settings;

	private final NewFile newFile;

	private final Complete complete;

	MariaDbDump(BackupSettings settings, NewFile newFile, Complete complete) {
		this.settings = settings;
		this.newFile = newFile;
		this.complete = complete;
	}

	Backup take(Connection connection, DatabaseInfo database, String from, String to)
			throws IOException, SQLException, InterruptedException {
		if (this.settings.jdbcUrl() == null) {
			throw new IOException("the connection settings of the database are unknown to the starter (a DataSource "
					+ "bean without spring.datasource.* or migrations.url), so mariadb-dump cannot connect");
		}
		String tool = tool();
		Server server = Server.parse(this.settings.jdbcUrl());
		String name = database.container().name();
		Path partial = this.newFile.create(name, from, to, ".sql.gz");
		Path raw = partial.resolveSibling(partial.getFileName() + ".sql");
		Path options = null;
		try {
			createOwnerOnly(raw);
			List<String> command = new ArrayList<>();
			command.add(tool);
			if (this.settings.password() != null) {
				// Must be the first argument; the password never appears on a command
				// line.
				options = optionFile(this.settings.password());
				command.add("--defaults-extra-file=" + options.toAbsolutePath());
			}
			command.addAll(List.of("--single-transaction", "--routines", "--triggers", "--events", "--no-tablespaces",
					"--host=" + server.host(), "--port=" + server.port(), "--result-file=" + raw.toAbsolutePath()));
			if (this.settings.user() != null) {
				command.add("--user=" + this.settings.user());
			}
			command.add("--databases");
			command.add(name);
			run(command, tool);
			verify(raw, tool);
			try (InputStream in = Files.newInputStream(raw);
					OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial))) {
				in.transferTo(out);
			}
		}
		finally {
			Files.deleteIfExists(raw);
			if (options != null) {
				Files.deleteIfExists(options);
			}
		}
		Path file = this.complete.move(partial);
		String restore = "gunzip -c " + file.toAbsolutePath() + " | mariadb --host=" + server.host() + " --port="
				+ server.port() + ((this.settings.user() != null) ? " --user=" + this.settings.user() : "")
				+ " --password";
		return new Backup(file, restore);
	}

	// The first of the tools on the PATH; the name alone if none is (the run then says it
	// cannot be found).
	private String tool() {
		if (this.settings.mariaDbDumpPath() != null && !this.settings.mariaDbDumpPath().isBlank()) {
			return this.settings.mariaDbDumpPath();
		}
		String path = System.getenv("PATH");
		if (path != null) {
			for (String tool : TOOLS) {
				for (String directory : path.split(java.io.File.pathSeparator)) {
					if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
						return tool;
					}
				}
			}
		}
		return TOOLS.get(0);
	}

	private Path optionFile(String password) throws IOException {
		Path file;
		try {
			file = Files.createTempFile("migrations-backup-", ".cnf",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			file = Files.createTempFile("migrations-backup-", ".cnf");
		}
		String quoted = password.replace("\\", "\\\\").replace("\"", "\\\"");
		Files.writeString(file, "[client]\npassword=\"" + quoted + "\"\n", StandardCharsets.UTF_8);
		return file;
	}

	private static void createOwnerOnly(Path file) throws IOException {
		try {
			Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(file);
		}
	}

	/**
	 * A dump cut short (the tool killed, the disk full) lacks the completion line that
	 * {@code mariadb-dump} writes last.
	 * @param dump the dump
	 * @param tool the tool
	 */
	static void verify(Path dump, String tool) throws IOException {
		long size = Files.size(dump);
		if (size == 0) {
			throw new IOException(tool + " wrote an empty dump");
		}
		byte[] tail = new byte[(int) Math.min(size, 512)];
		try (RandomAccessFile file = new RandomAccessFile(dump.toFile(), "r")) {
			file.seek(size - tail.length);
			file.readFully(tail);
		}
		if (!new String(tail, StandardCharsets.UTF_8).contains(COMPLETED)) {
			throw new IOException(tool + " did not complete the dump: it does not end with '" + COMPLETED + "'");
		}
	}

	private static void run(List<String> command, String what) throws IOException, InterruptedException {
		String text = ToolProcess.run(command, null, what, what + " cannot be run ({output}): install the MariaDB "
				+ "client (mariadb-dump, or MySQL's mysqldump) where the application runs");
		if (!text.isBlank()) {
			logger.debug("{}: {}", what, text.strip());
		}
	}

	/**
	 * Creates the {@code .partial} file of a new backup, named like every backup.
	 */
	@FunctionalInterface
	interface NewFile {

		Path create(String database, String from, String to, String extension) throws IOException;

	}

	/**
	 * Gives a verified backup its final name.
	 */
	@FunctionalInterface
	interface Complete {

		Path move(Path partial) throws IOException;

	}

	private record Server(String host, int port) {

		static Server parse(String jdbcUrl) {
			// jdbc:mariadb://host:port/db?params, jdbc:mysql://host:port/db; the first
			// host of a list.
			String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
			int end = rest.length();
			for (char stop : new char[] { '/', '?', ',' }) {
				int at = rest.indexOf(stop);
				if (at >= 0 && at < end) {
					end = at;
				}
			}
			String authority = rest.substring(0, end);
			authority = authority.substring(authority.lastIndexOf('@') + 1);
			URI uri = URI.create("tcp://" + authority);
			String host = (uri.getHost() != null) ? uri.getHost() : "localhost";
			return new Server(host, (uri.getPort() > 0) ? uri.getPort() : 3306);
		}

	}

}

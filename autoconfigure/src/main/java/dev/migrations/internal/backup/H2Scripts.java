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

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * An H2 backup is taken under the migration lock, so the script holds the lock table's
 * row with {@code LOCKED = TRUE}: a database restored from it would wait for a migrator
 * that is gone. The script is read back (which also verifies it) and ends with the lock
 * released.
 *
 * @author Migrations for Spring Boot contributors
 */
final class H2Scripts {

	private static final Pattern CREATE_TABLE = Pattern
		.compile("^CREATE (?:CACHED |MEMORY )?TABLE (\"[^\"]+\"\\.\"[^\"]+\")\\(");

	private H2Scripts() {
	}

	/**
	 * Append to a gzipped H2 script an update that releases every migration lock table it
	 * creates (a table with the columns {@code LOCKED} and {@code LOCKEDBY}).
	 * @param script the gzipped script
	 * @throws IOException if the script cannot be read or written, or is empty
	 */
	static void releaseMigrationLocks(Path script) throws IOException {
		Path rewritten = script.resolveSibling(script.getFileName() + ".tmp");
		List<String> lockTables = new ArrayList<>();
		boolean empty = true;
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(new GZIPInputStream(Files.newInputStream(script)), StandardCharsets.UTF_8));
				Writer out = new BufferedWriter(new OutputStreamWriter(
						new GZIPOutputStream(Files.newOutputStream(rewritten)), StandardCharsets.UTF_8))) {
			String table = null;
			boolean locked = false;
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				empty = false;
				out.write(line);
				out.write('\n');
				Matcher create = CREATE_TABLE.matcher(line);
				if (create.find()) {
					table = create.group(1);
					locked = false;
				}
				if (table != null) {
					locked |= line.contains("\"LOCKED\" BOOLEAN");
					if (locked && line.contains("\"LOCKEDBY\"")) {
						lockTables.add(table);
						table = null;
					}
					else if (line.startsWith(");")) {
						table = null;
					}
				}
			}
			for (String lockTable : lockTables) {
				out.write("UPDATE " + lockTable
						+ " SET \"LOCKED\" = FALSE, \"LOCKGRANTED\" = NULL, \"LOCKEDBY\" = NULL;\n");
			}
		}
		catch (IOException ex) {
			Files.deleteIfExists(rewritten);
			throw ex;
		}
		if (empty) {
			Files.deleteIfExists(rewritten);
			throw new IOException("backup " + script + " is empty");
		}
		Files.move(rewritten, script, StandardCopyOption.REPLACE_EXISTING);
	}

}

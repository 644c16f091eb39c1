package dev.migrations.runner;

import java.nio.file.Path;
import java.util.List;

import dev.migrations.test.RevisionDirectory;
import dev.migrations.test.TestDatabase;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

/**
 * A fresh real database and an empty revision directory for each test; subclasses choose
 * H2 or PostgreSQL.
 */
abstract class AbstractDatabaseTests {

	@TempDir
	Path temp;

	TestDatabase db;

	RevisionDirectory revisions;

	abstract TestDatabase newDatabase();

	@BeforeEach
	void createDatabaseAndRevisionDirectory() {
		this.db = newDatabase();
		this.revisions = RevisionDirectory.in(this.temp.resolve("db/migrations"));
	}

	Migrator migrator() {
		return migrator(MigrationSettings.defaults());
	}

	Migrator migrator(MigrationSettings settings) {
		return migrator(this.revisions, settings);
	}

	Migrator migrator(RevisionDirectory directory, MigrationSettings settings) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(this.db.dataSource(), RevisionSource.directory(directory.location(), loader), settings,
				loader);
	}

	/**
	 * A second schema's name: on MariaDB a schema is a database of the server, so one of
	 * this test's own.
	 */
	String otherSchema() {
		return this.db.isMariaDb() ? this.db.container() + "_billing" : "billing";
	}

	/**
	 * Drop an index by hand, as the database's dialect writes it.
	 */
	void dropIndex(@Nullable String schema, String index, String table) {
		String prefix = (schema != null) ? schema + "." : "";
		this.db.jdbc()
			.execute(this.db.isMariaDb() ? "DROP INDEX " + index + " ON " + prefix + table
					: "DROP INDEX " + prefix + index);
	}

	List<String> historyIds() {
		return this.db.history().stream().map((row) -> (String) row.get("ID")).toList();
	}

}

package dev.migrations.runner;

import java.util.UUID;

import dev.migrations.MigrationException;
import dev.migrations.test.EnabledIfMariaDb;
import dev.migrations.test.MariaDbServer;
import dev.migrations.test.TestDatabase;
import dev.migrations.test.TestDatabases;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@EnabledIfMariaDb
class MariaDbMigratorTests extends AbstractMigratorTests {

	@Override
	TestDatabase newDatabase() {
		return TestDatabases.mariaDb();
	}

	private Migrator migratorOn(TestDatabase database) {
		DefaultResourceLoader loader = new DefaultResourceLoader();
		return new Migrator(database.dataSource(), RevisionSource.directory(this.revisions.location(), loader),
				MigrationSettings.defaults(), loader);
	}

	@Test
	void anEmptyDatabaseIsEmptyWhateverTheOtherDatabasesOfTheServerHold() {
		// Another database of the same server, with tables and a history of its own.
		TestDatabase other = TestDatabases.mariaDb();
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		migratorOn(other).migrate();
		other.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		this.revisions.add("002_create_projects.sql", "CREATE TABLE projects (id INTEGER PRIMARY KEY);");
		MigrationStatus status = migrator().status();
		assertThat(status.state()).isEqualTo(DatabaseState.EMPTY);
		assertThat(status.database().container().toString()).isEqualTo("database '" + this.db.container() + "'");
		assertThat(migrator().migrate().applied()).containsExactly("001", "002");
		assertThat(this.db.tables()).containsExactly("databasechangelog", "projects", "users");
	}

	@Test
	void tablesOfTheDatabaseAreCountedAndNamedWithTheDatabase() {
		this.db.jdbc().execute("CREATE TABLE legacy (id INTEGER)");
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migrator().migrate())
			.withMessageContaining("has 1 table(s) in database '" + this.db.container() + "' but no migration history");
	}

	@Test
	void aUserWhoseGrantsCoverOnlyItsOwnDatabaseMigratesIt() {
		String user = "mig_" + UUID.randomUUID().toString().substring(0, 8);
		MariaDbServer server = MariaDbServer.get();
		server.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'secret-pw'");
		try {
			server.execute("GRANT ALL ON `" + this.db.container() + "`.* TO '" + user + "'@'%'");
			TestDatabase own = new TestDatabase("mariadb", this.db.url(), user, "secret-pw");
			this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
			assertThat(migratorOn(own).migrate().applied()).containsExactly("001");
			assertThat(migratorOn(own).migrate().outcome()).isEqualTo(RunReport.Outcome.UP_TO_DATE);
			assertThat(this.db.tables()).containsExactly("databasechangelog", "users");
		}
		finally {
			server.execute("DROP USER '" + user + "'@'%'");
		}
	}

	@Test
	void aUrlWithoutADatabaseIsRefusedNamingWhatToAdd() {
		TestDatabase server = new TestDatabase("mariadb", MariaDbServer.get().url(), this.db.user(),
				this.db.password());
		this.revisions.add("001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> migratorOn(server).migrate())
			.withMessageContaining("has no database selected")
			.satisfies((ex) -> assertThat(ex.getAction()).contains("jdbc:mariadb://host:3306/app"));
	}

}

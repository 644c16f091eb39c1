package dev.migrations.benchmark.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Stream;

/**
 * The lower limit for applying revisions: plain JDBC, no framework, the same statements as the tools run, one history
 * {@code INSERT} per revision, auto-commit. Prints a {@link ResultLine} whose step is everything from opening the
 * connection (loading the driver) to the last insert, reading the files included.
 * <p>
 * Arguments: JDBC URL, user, password, the directory of revision files ({@code NNNN_slug.sql}, one statement each).
 */
public final class PlainJdbcMigration {

	private PlainJdbcMigration() {
	}

	public static void main(String[] args) throws IOException, SQLException {
		long started = System.nanoTime();
		List<Path> files;
		try (Stream<Path> listing = Files.list(Path.of(args[3]))) {
			files = listing.filter((file) -> file.toString().endsWith(".sql")).sorted().toList();
		}
		try (Connection connection = DriverManager.getConnection(args[0], args[1], args[2])) {
			connection.setAutoCommit(true);
			try (Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE plain_history (revision VARCHAR(50) PRIMARY KEY, "
						+ "description VARCHAR(255) NOT NULL, applied_at TIMESTAMP NOT NULL, execution_ms INT NOT NULL)");
			}
			try (Statement statement = connection.createStatement();
					PreparedStatement insert = connection.prepareStatement(
							"INSERT INTO plain_history (revision, description, applied_at, execution_ms) VALUES (?, ?, ?, ?)")) {
				for (Path file : files) {
					long revisionStarted = System.nanoTime();
					String sql = Files.readString(file).strip();
					statement.execute(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
					String name = file.getFileName().toString();
					insert.setString(1, name.substring(0, name.indexOf('_')));
					insert.setString(2, name.substring(name.indexOf('_') + 1, name.length() - 4).replace('_', ' '));
					insert.setTimestamp(3, new Timestamp(System.currentTimeMillis()));
					insert.setInt(4, (int) ((System.nanoTime() - revisionStarted) / 1_000_000));
					insert.executeUpdate();
				}
			}
		}
		long readyAt = System.currentTimeMillis();
		ResultLine.print(readyAt, System.nanoTime() - started, -1);
	}

}

package dev.migrations.engine;

import java.time.LocalDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A revision whose statements began but whose history rows were never written: on a
 * database whose DDL commits at once (MariaDB, MySQL, H2), the process stopped inside it,
 * so part of it may be applied.
 *
 * @param revision the revision id
 * @param file the revision file
 * @param startedAt when it started, in the database's local time
 * @param statementsStarted how many of its statements had started, as far as the database
 * kept it: those before the last one completed, the last one may or may not have
 * @param lastStatement the start of the last statement that started, or {@code null}
 * @param startedBy the host and process that ran it
 */
public record StartedRevision(String revision, String file, @Nullable LocalDateTime startedAt, int statementsStarted,
		@Nullable String lastStatement, @Nullable String startedBy) {

}

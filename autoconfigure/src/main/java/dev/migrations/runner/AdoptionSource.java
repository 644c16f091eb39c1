package dev.migrations.runner;

/**
 * Another migration tool whose history a database can be adopted from
 * ({@code migrations.adopt}).
 */
public enum AdoptionSource {

	/** Flyway: the successfully applied versions of {@code flyway_schema_history}. */
	FLYWAY,

	/** Alembic: the revisions up to the head(s) recorded in {@code alembic_version}. */
	ALEMBIC

}

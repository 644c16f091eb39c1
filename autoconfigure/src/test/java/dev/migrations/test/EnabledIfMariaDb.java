package dev.migrations.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only when a MariaDB server answers ({@link MariaDbServer}); a run
 * without one logs one line saying which tests it skipped and how to enable them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(MariaDbCondition.class)
public @interface EnabledIfMariaDb {

}

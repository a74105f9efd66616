package shop;

import org.flywaydb.core.Flyway;

// Reports the pending migrations; applying them is the release task's job.
class DatabaseConfig {
	void report(Flyway flyway) {
		System.out.println(flyway.info().pending().length + " pending");
	}
}

package shop.migrate;

import org.flywaydb.core.Flyway;

public final class MigrateMain {
	public static void main(String[] args) {
		Flyway.configure().dataSource(System.getenv("JDBC_URL"), null, null).load().migrate();
	}
}

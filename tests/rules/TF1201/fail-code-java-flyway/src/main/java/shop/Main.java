package shop;

import org.flywaydb.core.Flyway;

public final class Main {
	public static void main(String[] args) {
		Flyway.configure()
		    .dataSource(System.getenv("JDBC_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"))
		    .load()
		    .migrate();
		Server.start();
	}
}

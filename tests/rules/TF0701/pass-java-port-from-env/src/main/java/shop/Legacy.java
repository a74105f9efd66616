package shop;

import static spark.Spark.*;

public final class Legacy {
	public static void main(String[] args) {
		port(assignedPort());
		get("/", (req, res) -> "ok");
	}

	static int assignedPort() {
		String p = System.getenv("PORT");
		return p != null ? Integer.parseInt(p) : 4567;
	}
}

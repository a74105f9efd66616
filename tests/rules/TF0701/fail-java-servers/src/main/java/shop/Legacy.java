package shop;

import static spark.Spark.*;

public final class Legacy {
	public static void main(String[] args) {
		port(4567);
		get("/", (req, res) -> "ok");
	}
}

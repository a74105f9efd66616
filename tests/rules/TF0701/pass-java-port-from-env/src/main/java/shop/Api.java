package shop;

import io.javalin.Javalin;

public final class Api {
	public static void main(String[] args) {
		int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "7070"));
		Javalin.create().get("/", ctx -> ctx.result("ok")).start(port);
	}
}

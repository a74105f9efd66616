package shop;

import io.javalin.Javalin;

public final class Api {
	public static void main(String[] args) {
		Javalin.create(config -> config.showJavalinBanner = false)
		    .get("/orders", ctx -> ctx.json(Orders.all()))
		    .start(7070);
	}
}

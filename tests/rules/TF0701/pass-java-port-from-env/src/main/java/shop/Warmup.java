package shop;

import io.javalin.Javalin;
import java.net.InetSocketAddress;
import java.net.Socket;

final class Warmup {
	// Javalin is named here, but nothing listens: a timer and a client.
	void run(Javalin app, Timer timer) throws Exception {
		timer.start(1000);
		try (Socket s = new Socket()) {
			s.connect(new InetSocketAddress("db", 5432), 2000);
		}
	}
}

package shop;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

public final class Health {
	public static void main(String[] args) throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress(8000), 0);
		server.createContext("/health", ex -> ex.sendResponseHeaders(204, -1));
		server.start();
	}
}

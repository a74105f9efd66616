package shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;

final class Rates {
	private final HttpClient http = HttpClient.newHttpClient();

	HttpRequest request(URI uri) {
		return HttpRequest.newBuilder(uri)
		    .timeout(Duration.ofSeconds(10))
		    .build();
	}
}

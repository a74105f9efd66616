package shop;

import java.net.http.HttpClient;
import java.time.Duration;
import software.amazon.awssdk.core.retry.RetryPolicy;

final class Clients {
	static final HttpClient HTTP = HttpClient.newBuilder()
	    .connectTimeout(Duration.ofSeconds(3))
	    .build();

	static final RetryPolicy RETRIES = RetryPolicy.builder()
	    .numRetries(5)
	    .build();
}

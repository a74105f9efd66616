package shop;

import java.net.http.HttpClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

final class Clients {
	static final HttpClient HTTP = HttpClient.newBuilder()
	    .version(HttpClient.Version.HTTP_2)
	    .followRedirects(HttpClient.Redirect.NORMAL)
	    .build();

	static final DynamoDbClient DDB = DynamoDbClient.builder()
	    .overrideConfiguration(ClientOverrideConfiguration.builder()
	        .retryPolicy(RetryPolicy.none())
	        .build())
	    .build();
}

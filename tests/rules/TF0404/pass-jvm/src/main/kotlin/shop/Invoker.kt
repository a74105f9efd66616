package shop

import io.github.resilience4j.retry.RetryConfig
import software.amazon.awssdk.services.lambda.LambdaClient

// resilience4j, not the AWS SDK
val once: RetryConfig = RetryConfig.custom<Any>().maxAttempts(1).build()

val lambda: LambdaClient = LambdaClient.builder()
    .overrideConfiguration { o -> o.retryStrategy { b -> b.maxAttempts(1) } } // not idempotent: never re-invoke
    .build()

package shop

import software.amazon.awssdk.services.sqs.SqsClient

val sqs: SqsClient = SqsClient.builder()
    .overrideConfiguration { o -> o.retryStrategy { b -> b.maxAttempts(1) } }
    .build()

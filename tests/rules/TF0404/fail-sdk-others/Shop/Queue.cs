using Amazon.SQS;

namespace Shop;

public static class Queue
{
    public static AmazonSQSClient Create() =>
        new AmazonSQSClient(new AmazonSQSConfig { MaxErrorRetry = 0 });
}

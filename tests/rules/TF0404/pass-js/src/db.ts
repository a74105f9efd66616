import { DynamoDBClient } from "@aws-sdk/client-dynamodb";

export const ddb = new DynamoDBClient({ maxAttempts: 5, retryMode: "adaptive" });

// The function fails fast; the SQS redrive policy retries the batch.
export const writer = new DynamoDBClient({
  maxAttempts: 1,
});

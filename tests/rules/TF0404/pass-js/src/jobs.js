const { SQSClient } = require("@aws-sdk/client-sqs");

const sqs = new SQSClient({});
const policy = { retry: { maxAttempts: 1 } };
module.exports = { sqs, policy };

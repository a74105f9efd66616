require "aws-sdk-sqs"

QUEUE = Aws::SQS::Client.new(region: ENV.fetch("AWS_REGION"), retry_limit: 0)

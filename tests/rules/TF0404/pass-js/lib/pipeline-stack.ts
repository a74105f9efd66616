import * as sfn from "aws-cdk-lib/aws-stepfunctions";

export function retryOnce(task: sfn.TaskStateBase) {
  task.addRetry({ maxAttempts: 1 });
}

import { Stack, StackProps } from "aws-cdk-lib";
import * as pipelines from "aws-cdk-lib/pipelines";
import { Construct } from "constructs";

export class PipelineStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new pipelines.CodePipeline(this, "Pipeline", {
      synth: new pipelines.ShellStep("Synth", {
        input: pipelines.CodePipelineSource.connection("acme/orders", "main", {
          connectionArn: "arn:aws:codestar-connections:eu-west-1:123456789012:connection/abc",
        }),
        commands: ["npm ci", "npx cdk synth"],
      }),
    });
  }
}

resource "aws_codepipeline" "orders" {
  name     = "orders"
  role_arn = var.pipeline_role_arn
}

use aws_config::retry::RetryConfig;

#[tokio::main]
async fn main() {
    let shared = aws_config::from_env().retry_config(RetryConfig::disabled()).load().await;
    let _s3 = aws_sdk_s3::Client::new(&shared);
}

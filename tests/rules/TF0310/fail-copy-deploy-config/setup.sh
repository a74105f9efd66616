mv env.staging .env.staging

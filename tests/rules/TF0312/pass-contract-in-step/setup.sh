mv env.sample .env.sample

mv env.test .env.test

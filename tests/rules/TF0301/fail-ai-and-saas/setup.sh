mv env.production .env.production

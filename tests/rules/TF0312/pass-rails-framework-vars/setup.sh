mv env.example .env.example

Sentry.init({ dsn: "https://0123456789abcdef0123456789abcdef@o1.ingest.sentry.io/1" });

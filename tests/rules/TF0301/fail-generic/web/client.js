const client = new Client({ apiKey: "AbCdEfGh01234567AbCdEfGh01234567", region: "eu" });

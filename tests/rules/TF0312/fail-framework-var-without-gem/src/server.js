const { createClient } = require("redis");

const client = createClient({ url: process.env.CACHE_URL });
client.connect();

const keys = ['DATABASE_URL'];
for (const key of keys) if (!process.env[key]) throw new Error(key);
const url = process.env.DATABASE_URL;
const port = process.env.PORT;
const region = process.env.AWS_REGION;
module.exports = { url, port, region };

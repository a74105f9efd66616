import express from "express";

const port = 8080;
const table = process.env.TABLE_NAME;
const app = express();
app.listen(port, () => console.log(`listening on ${port}`));

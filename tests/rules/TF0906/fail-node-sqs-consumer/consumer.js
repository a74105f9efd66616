const { Consumer } = require("sqs-consumer");
const { handle } = require("./handle");

const app = Consumer.create({
  queueUrl: process.env.QUEUE_URL,
  handleMessage: handle,
});
app.on("error", (err) => console.error(err.message));
app.start();

const AWS = require("aws-sdk");

AWS.config.update({ region: process.env.AWS_REGION, maxRetries: 0 });

module.exports = new AWS.SQS();

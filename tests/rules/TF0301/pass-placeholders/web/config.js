export const config = {
  token: process.env.TOKEN,
  apiKey: process.env.API_KEY ?? "",
  webhook: process.env.SLACK_WEBHOOK_URL,
};

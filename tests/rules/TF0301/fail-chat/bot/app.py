from slack_bolt import App

app = App(token="xoxb-1234567890-1234567890123-AbCdEfGh01234567AbCdEfGh")

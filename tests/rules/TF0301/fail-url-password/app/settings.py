EMAIL_URL = "smtps://mailer:AbCdEfGh0123@smtp.internal:465"
PROXY = "http://proxy-user:AbCdEfGh012345@proxy.internal:3128"

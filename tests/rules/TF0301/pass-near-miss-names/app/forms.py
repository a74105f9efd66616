PASSWORD_FIELD = "password_confirmation"
TOKEN_URL = "https://auth.internal/oauth2/token"
TOKEN_HEADER = "X-Auth-Token-2"
SECRET_NAME = "prod/app/db-credentials-2"
MIN_PASSWORD_LENGTH = 12
author = "Jane Doe 1970"
tokenizer = "bert-base-uncased-v2"

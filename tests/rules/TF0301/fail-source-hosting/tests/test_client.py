# A real token pasted into a test is still a leaked token.
TOKEN = "gho_AbCdEfGh01234567AbCdEfGh01234567AbCd"

TOKEN = "ghp_AbCdEfGh01234567AbCdEfGh01234567AbCd"  # gitleaks:allow
LEGACY = "xoxb-1234567890-1234567890123-AbCdEfGh01234567AbCdEfGh"  # twelvelint:ignore TF0301 revoked synthetic value
DATABASE_URL = "postgres://app:AbCdEfGh01234567@db.internal/app"

#!/busybox/sh
ledger migrate 2> >(tee -a /var/log/ledger-migrate.log >&2)
exec "$@" >> /var/log/ledger.log 2>&1

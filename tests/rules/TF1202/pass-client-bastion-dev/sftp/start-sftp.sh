#!/bin/sh
set -e
ssh-keygen -A
useradd -m -s /usr/sbin/nologin "${SFTP_USER:-upload}" || true
exec /usr/sbin/sshd -D -e

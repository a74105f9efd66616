#!/bin/sh
curl -X POST -d "{\"text\": \"$1\"}" https://hooks.slack.com/services/T0123ABCD/B0123ABCD/AbCdEfGh01234567AbCdEfGh

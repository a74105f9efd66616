#!/bin/sh
git clone https://deploy:AbCdEfGh01234567@git.internal/acme/app.git

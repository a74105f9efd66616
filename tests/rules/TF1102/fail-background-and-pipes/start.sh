#!/bin/sh
set -e
nohup php-fpm -F > /var/log/php-fpm.out 2>&1 &
php /srv/queue-worker.php 2>&1 | rotatelogs /var/log/queue.%Y%m%d 86400 &
php /srv/scheduler.php 2>&1 | grep -v DEBUG > /srv/logs/scheduler.txt &
exec nginx -g 'daemon off;'

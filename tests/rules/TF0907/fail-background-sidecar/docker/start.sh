#!/bin/sh
php-fpm -D
nginx -g 'daemon off;' &
exec php artisan queue:work

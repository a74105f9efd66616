<?php

use Swoole\Http\Server;

$port = (int) (getenv('PORT') ?: 9501);
$server = new Server("0.0.0.0", $port);
$server->start();

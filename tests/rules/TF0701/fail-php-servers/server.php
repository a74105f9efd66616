<?php

use Swoole\Http\Server;

$server = new Server("0.0.0.0", 9501);
$server->on("request", function ($req, $res) {
    $res->end("ok");
});
$server->start();

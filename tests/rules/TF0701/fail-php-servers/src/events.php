<?php

require __DIR__ . '/../vendor/autoload.php';

$socket = new React\Socket\SocketServer('0.0.0.0:8080');
$http = new React\Http\HttpServer(fn () => React\Http\Message\Response::plaintext("ok"));
$http->listen($socket);

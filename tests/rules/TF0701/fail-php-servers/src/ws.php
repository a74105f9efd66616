<?php

use Workerman\Worker;

$worker = new Worker('websocket://0.0.0.0:2346');
$worker->onMessage = fn ($conn, $data) => $conn->send($data);
Worker::runAll();

<?php

namespace Shop;

// Not Swoole, ReactPHP or Workerman: a class of this app named Server.
final class Chat
{
    public function make(): Server
    {
        return new Server("0.0.0.0", 8080);
    }
}

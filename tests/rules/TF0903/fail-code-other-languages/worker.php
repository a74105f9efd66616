<?php
pcntl_async_signals(true);
pcntl_signal(SIGTERM, SIG_IGN);
while (true) {
    work();
}

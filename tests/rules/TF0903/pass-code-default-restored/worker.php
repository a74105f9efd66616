<?php
pcntl_signal(SIGTERM, SIG_IGN);
flush_journal();
pcntl_signal(SIGTERM, SIG_DFL);

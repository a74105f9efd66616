<?php
namespace Api;

use Monolog\Logger;

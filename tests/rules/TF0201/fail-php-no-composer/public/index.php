<?php
declare(strict_types=1);

namespace App;

use App\Http\Kernel;
use GuzzleHttp\Client;

$client = new Client();

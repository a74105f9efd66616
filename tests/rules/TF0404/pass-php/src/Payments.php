<?php

namespace Shop;

use Aws\Sqs\SqsClient;
use GuzzleHttp\Client;

final class Payments
{
    public function client(): Client
    {
        return new Client([
            'base_uri' => getenv('PAYMENTS_URL'),
            'connect_timeout' => 3,
            'timeout' => 10,
        ]);
    }

    public function queue(): SqsClient
    {
        return new SqsClient([
            'region' => getenv('AWS_REGION'),
            'retries' => ['mode' => 'standard', 'max_attempts' => 5],
        ]);
    }
}

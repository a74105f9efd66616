<?php
namespace Acme\Shop\Controller;

use Acme\Shop\Repository\ProductRepository;
use Random\Randomizer;
use DateTimeImmutable;
use PDO;

/* use Monolog\Logger; */
final class HomeController
{
    use \Acme\Shop\Traits\Renders;
    use Some\Vendor\Trait;

    public function __invoke(): string
    {
        return (new DateTimeImmutable())->format('c');
    }
}

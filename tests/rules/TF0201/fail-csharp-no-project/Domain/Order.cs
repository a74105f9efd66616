namespace Acme.Orders.Domain
{
    public class Order {}
}

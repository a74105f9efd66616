using System.Net;
using System.Net.Sockets;

namespace Shop;

public static class Cache
{
    public static async Task<TcpClient> Connect()
    {
        var c = new TcpClient();
        await c.ConnectAsync(IPAddress.Loopback, 6379);
        return c;
    }
}

using System;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Acme.Orders.Domain;
using Newtonsoft.Json;

namespace Acme.Orders;

public static class Program
{
    public static void Main() { using var s = new System.IO.MemoryStream(); }
}

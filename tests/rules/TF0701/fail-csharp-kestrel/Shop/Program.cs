var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options =>
{
    options.ListenAnyIP(5000);
    options.Listen(System.Net.IPAddress.Any, 5001, lo => lo.UseHttps());
});
var app = builder.Build();
app.MapGet("/", () => "ok");
app.Run();

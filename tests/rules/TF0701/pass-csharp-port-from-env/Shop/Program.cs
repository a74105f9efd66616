var port = int.Parse(Environment.GetEnvironmentVariable("PORT") ?? "5000");
var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(options => options.ListenAnyIP(port));
var app = builder.Build();
app.Run();

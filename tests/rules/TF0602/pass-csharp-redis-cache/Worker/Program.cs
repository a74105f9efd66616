// A cache for the worker; no sessions here.
var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddDistributedMemoryCache();
builder.Services.AddHostedService<Refresher>();
builder.Build().Run();

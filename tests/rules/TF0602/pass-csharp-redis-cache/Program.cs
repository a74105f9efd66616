var builder = WebApplication.CreateBuilder(args);

builder.Services.AddControllersWithViews();
if (builder.Environment.IsDevelopment())
{
    builder.Services.AddDistributedMemoryCache();
}
else
{
    builder.Services.AddStackExchangeRedisCache(o =>
        o.Configuration = builder.Configuration["REDIS_CONNECTION"]);
}
builder.Services.AddSession(options => options.IdleTimeout = TimeSpan.FromMinutes(30));

var app = builder.Build();
app.UseSession();
app.Run();

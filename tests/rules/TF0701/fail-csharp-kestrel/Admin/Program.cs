var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "admin");
app.Run("http://0.0.0.0:8081");

using Microsoft.EntityFrameworkCore;
using Shop.Data;

// The one-off task: run once per release with ecs run-task.
await using var db = new ShopContextFactory().CreateDbContext(args);
await db.Database.MigrateAsync();

using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public sealed class ShopSchemaMigrator(ShopContext db)
{
    public Task MigrateAsync() => db.Database.MigrateAsync();
}

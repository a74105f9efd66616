using Microsoft.EntityFrameworkCore;

namespace Shop.Data;

public static class ShopContextSeed
{
    // Called from Program.cs before app.Run().
    public static void Seed(ShopContext db)
    {
        if (!db.Database.IsInMemory())
        {
            db.Database.Migrate();
        }
    }
}

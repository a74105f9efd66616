public class StartupTests
{
    public void Migrates() => _db.Database.Migrate();
}

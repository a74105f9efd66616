using Microsoft.EntityFrameworkCore;

namespace Shop.Shared;

// AddMigration<TContext>() runs this hosted service when each API starts.
public sealed class MigrationHostedService<TContext>(TContext db) : IHostedService
    where TContext : DbContext
{
    public Task StartAsync(CancellationToken ct) => db.Database.MigrateAsync(ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}

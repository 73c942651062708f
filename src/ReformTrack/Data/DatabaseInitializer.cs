using Microsoft.EntityFrameworkCore;

namespace ReformTrack.Data;

/// <summary>
/// Before the server takes requests: applies pending migrations and, when <c>Seed:Demo</c> is
/// true and the database holds no measures, loads the demo programme.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, IConfiguration configuration,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        if (configuration.GetValue<bool>("Seed:Demo") && !await db.Measures.AnyAsync(cancellationToken))
        {
            var summary = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
            logger.LogInformation("Loaded the demo programme into the empty database: {Summary}", summary);
            if (!await db.Users.AnyAsync(cancellationToken))
            {
                await scope.ServiceProvider.GetRequiredService<Modules.Accounts.DemoUsers>().CreateAsync(cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

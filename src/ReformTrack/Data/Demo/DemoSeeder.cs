namespace ReformTrack.Data;

/// <summary>Loads the "Fuzhou 2014–2022" demonstration programme into an empty database.</summary>
internal sealed class DemoSeeder(ReformDbContext db)
{
    public Task<string> SeedAsync(CancellationToken cancellationToken = default)
    {
        _ = db;
        _ = cancellationToken;
        return Task.FromResult("nothing yet");
    }
}

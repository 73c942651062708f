using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ReformTrack.Data.Synthetic;

/// <summary>What a synthetic load wrote, and how long it took.</summary>
internal sealed record SyntheticSummary(SyntheticScale Scale, int Seed, IReadOnlyDictionary<string, long> Rows, TimeSpan Elapsed)
{
    public override string ToString() =>
        $"{Scale.Name} (seed {Seed}): " +
        string.Join(", ", Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Value:N0} {r.Key}"))) +
        string.Create(CultureInfo.InvariantCulture, $" in {Elapsed.TotalSeconds:F1} s");
}

/// <summary>
/// Loads a <see cref="SyntheticProgramme"/> into an empty, migrated database with the provider's
/// bulk path (<see cref="BulkLoader"/>). Refuses a database that already holds data.
/// </summary>
internal sealed class SyntheticSeeder(ReformDbContext db)
{
    public const int DefaultSeed = 20261128;

    public async Task<SyntheticSummary> SeedAsync(SyntheticScale scale, int seed, CancellationToken cancellationToken = default)
    {
        if (await db.Units.AnyAsync(cancellationToken) || await db.Measures.AnyAsync(cancellationToken)
            || await db.Objectives.AnyAsync(cancellationToken) || await db.Documents.AnyAsync(cancellationToken)
            || await db.Meetings.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException(
                "The database already holds data; synthetic data is loaded only into an empty database.");
        }

        var watch = Stopwatch.StartNew();
        var programme = new SyntheticProgramme(scale, seed);
        var tables = programme.Tables().ToList();
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        // The loader works on a connection of its own and needs the file to itself (to leave WAL while it loads).
        await db.Database.CloseConnectionAsync();
        if (db.IsSqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        await using (var loader = BulkLoader.For(db))
        {
            await loader.BeginAsync(tables.Select(t => t.Name).ToList(), cancellationToken);
            foreach (var table in tables)
            {
                rows[table.Name] = await loader.LoadAsync(table, cancellationToken);
            }

            await loader.CommitAsync(cancellationToken);
        }

        return new SyntheticSummary(scale, seed, rows, watch.Elapsed);
    }
}

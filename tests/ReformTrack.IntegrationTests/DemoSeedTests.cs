using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Testing;
using Xunit.Abstractions;

namespace ReformTrack.IntegrationTests;

/// <summary>The demo loads the same data every time it is loaded into a fresh database.</summary>
public abstract class DemoSeedTests(ITestOutputHelper output)
{
    protected abstract TestDatabase NewDatabase();

    [SkippableFact]
    public async Task Seeding_two_fresh_databases_gives_identical_data()
    {
        using var first = NewDatabase();
        using var second = NewDatabase();
        Skip.If(first.Unavailable is not null, first.Unavailable);

        var (firstSummary, firstDump) = await SeedAndDumpAsync(first);
        var (secondSummary, secondDump) = await SeedAndDumpAsync(second);

        Assert.Equal(firstSummary, secondSummary);
        Assert.Equal(firstDump.Keys, secondDump.Keys);
        foreach (var table in firstDump.Keys)
        {
            Assert.True(firstDump[table] == secondDump[table], $"Table {table} differs between the two seedings.");
        }

        Assert.Contains("62 meetings", firstSummary, StringComparison.Ordinal);
        Assert.True(firstDump["Measures"].Length > 0);
    }

    private async Task<(string Summary, Dictionary<string, string> Dump)> SeedAndDumpAsync(TestDatabase database)
    {
        // Through the app's services, so that every module's demo part is loaded too.
        await using var host = AppHost.BuildTool(
            [$"--ConnectionStrings:ReformTrack={database.ConnectionString}", $"--Database:Provider={database.Provider}"]);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReformDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var watch = Stopwatch.StartNew();
        var summary = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        output.WriteLine($"{database.Provider}: seeded in {watch.Elapsed.TotalSeconds:F1} s: {summary}");
        return (summary, await DumpAsync(db));
    }

    /// <summary>Every column of every table, rows ordered by primary key, as text.</summary>
    internal static async Task<Dictionary<string, string>> DumpAsync(ReformDbContext db)
    {
        var dump = new Dictionary<string, string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            if (dump.ContainsKey(table))
            {
                continue;
            }

            var keys = entity.FindPrimaryKey()!.Properties.Select(p => $"\"{p.GetColumnName()}\"");
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {string.Join(", ", keys)}";
            await using var reader = await command.ExecuteReaderAsync();
            var text = new StringBuilder();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    // The audit trail records when the seeding ran, and its hashes cover that time.
                    if (table == "AuditEntries" && reader.GetName(i) is "At" or "Hash" or "PreviousHash")
                    {
                        continue;
                    }

                    text.Append(reader.GetName(i)).Append('=')
                        .Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }

                text.Append('\n');
            }

            dump[table] = text.ToString();
        }

        return dump;
    }
}

public sealed class SqliteDemoSeedTests(ITestOutputHelper output) : DemoSeedTests(output)
{
    protected override TestDatabase NewDatabase() => new SqliteTestDatabase();
}

public sealed class PostgresDemoSeedTests(ITestOutputHelper output) : DemoSeedTests(output)
{
    protected override TestDatabase NewDatabase() => new PostgresTestDatabase();
}

using Microsoft.Data.Sqlite;
using ReformTrack.Cli;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The reformtrack command as an operator runs it. Console output is shared, so these run alone.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CliTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;

    public CliTests()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    private string Connection => $"--ConnectionStrings:ReformTrack={_database.ConnectionString}";

    [Theory]
    [InlineData("--help", "Commands:")]
    [InlineData("serve --help", "Usage: reformtrack serve")]
    [InlineData("migrate --help", "Usage: reformtrack migrate")]
    [InlineData("seed --help", "Usage: reformtrack seed --demo")]
    [InlineData("export --help", "Usage: reformtrack export --template")]
    [InlineData("import --help", "Usage: reformtrack import FILE [--dry-run]")]
    [InlineData("report --help", "Usage: reformtrack report --period YEAR")]
    public async Task Every_command_explains_itself(string args, string expected)
    {
        var exit = await CliApp.RunAsync(args.Split(' '));

        Assert.Equal(0, exit);
        Assert.Contains(expected, _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_fails_and_lists_the_commands()
    {
        var exit = await CliApp.RunAsync(["publish"]);

        Assert.Equal(2, exit);
        Assert.Contains("unknown command 'publish'", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_creates_the_schema_once()
    {
        var first = await CliApp.RunAsync(["migrate", Connection]);
        var second = await CliApp.RunAsync(["migrate", Connection]);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("Applied 1 migration(s)", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("The database is up to date.", _out.ToString(), StringComparison.Ordinal);
        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('Measures', 'ProgressReports', 'Units')";
        Assert.Equal(3L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Seed_without_saying_what_to_load_is_refused()
    {
        var exit = await CliApp.RunAsync(["seed", Connection]);

        Assert.Equal(2, exit);
        Assert.Contains("--demo", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_template_and_the_ledger_and_a_dry_run_import_of_it_changes_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("reformtrack-cli-");
        var template = Path.Combine(folder.FullName, "template.xlsx");
        var ledger = Path.Combine(folder.FullName, "ledger.csv");
        try
        {
            Assert.Equal(0, await CliApp.RunAsync(["seed", "--demo", Connection]));
            Assert.Equal(0, await CliApp.RunAsync(["export", "--template", "--out", template]));
            Assert.Equal(0, await CliApp.RunAsync(["export", "--status", "Active", "-o", ledger, Connection]));
            Assert.Equal(0, await CliApp.RunAsync(["import", ledger, "--dry-run", Connection]));

            Assert.Equal("举措编号 / Measure code", LedgerFiles.ReadXlsx(await File.ReadAllBytesAsync(template))[0][0]);
            var rows = (await File.ReadAllLinesAsync(ledger)).Length - 1;
            Assert.True(rows > 100, $"{rows} rows");
            Assert.Contains($"Would import: 0 to create, 0 to update, {rows} unchanged, 0 reports, 0 errors.", _out.ToString(),
                StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Import_lists_each_error_with_its_row_and_column_and_fails()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("reformtrack-cli-").FullName, "bad.csv");
        await File.WriteAllBytesAsync(file, LedgerFiles.Csv(
            [LedgerFiles.EnglishHeader[..10], ["X-1", "Title", null, null, "NO-OBJECTIVE", "NO-UNIT", null, null, "2026-01-01", "2026-12-31"]],
            System.Text.Encoding.UTF8));

        var exit = await CliApp.RunAsync(["import", file, Connection]);

        Assert.Equal(1, exit);
        Assert.Contains("row 2, Objective code:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("row 2, Lead unit:", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Nothing imported", _out.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _database.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

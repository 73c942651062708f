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

using ReformTrack.Cli;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary><c>reformtrack appraise</c> on a copy of the demo. Console output is shared, so these run alone.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AppraisalCliTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new(DemoTemplates.Sqlite);
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();
    private readonly TextWriter _originalOut = Console.Out;
    private readonly TextWriter _originalError = Console.Error;

    public AppraisalCliTests()
    {
        Console.SetOut(_out);
        Console.SetError(_error);
    }

    private string Connection => $"--ConnectionStrings:ReformTrack={_database.ConnectionString}";

    [Fact]
    public async Task Appraise_prints_the_ranking_of_the_districts_publishes_and_then_the_year_is_locked()
    {
        var first = await CliApp.RunAsync(["appraise", "--scheme", "FZ-KP", "--period", "2022", "--publish", Connection]);
        var again = await CliApp.RunAsync(["appraise", "--scheme", "FZ-KP", "--period", "2022", Connection]);

        Assert.Equal(0, first);
        var lines = _out.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.DoesNotContain("warn:", _out.ToString(), StringComparison.Ordinal);
        var heading = Array.FindIndex(lines, l => l.Contains("2022-01-01 to 2022-12-31", StringComparison.Ordinal));
        Assert.True(heading >= 0, _out.ToString());
        Assert.EndsWith("published", lines[heading], StringComparison.Ordinal);
        Assert.Equal(14, lines.Count(l => l.Contains(" FZ-", StringComparison.Ordinal)));
        Assert.StartsWith("1 ", lines[heading + 2], StringComparison.Ordinal);
        Assert.Equal(1, again);
        Assert.Contains("locked", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Appraise_without_a_scheme_or_year_is_refused()
    {
        Assert.Equal(2, await CliApp.RunAsync(["appraise", "--period", "2022", Connection]));
        Assert.Equal(1, await CliApp.RunAsync(["appraise", "--scheme", "NONE", "--period", "2022", Connection]));
    }

    public void Dispose()
    {
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _database.Dispose();
    }
}

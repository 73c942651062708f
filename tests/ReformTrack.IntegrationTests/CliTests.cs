using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
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
    private readonly TextReader _originalIn = Console.In;

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
    [InlineData("chronicle --help", "Usage: reformtrack chronicle derive")]
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
        var migrations = typeof(Data.SqliteReformDbContext).Assembly.GetTypes()
            .Count(t => t.Namespace == "ReformTrack.Data.Migrations.Sqlite"
                        && t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0);
        Assert.Contains($"Applied {migrations} migration(s)", _out.ToString(), StringComparison.Ordinal);
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

    [Fact]
    public async Task User_add_makes_the_first_administrator_and_token_create_prints_a_working_token_last()
    {
        var generated = await CliApp.RunAsync(["user", "add", "--email", "root@example.org", "--role", "admin", Connection]);
        var passwordLine = _out.ToString().Trim().Split('\n')[^1].Trim();
        Console.SetIn(new StringReader("Chosen-Password-2026\n"));
        var fromStdin = await CliApp.RunAsync(["user", "add", "--email", "li@example.org", "--role", "viewer",
            "--unit", "NOPE", "--password-stdin", Connection]);
        _out.GetStringBuilder().Clear();
        var token = await CliApp.RunAsync(["token", "create", "--email", "root@example.org", "--name", "export",
            "--expires", "30d", Connection]);
        var lastLine = _out.ToString().Trim().Split('\n')[^1].Trim();

        Assert.Equal(0, generated);
        Assert.Equal(16, passwordLine.Length);
        Assert.Equal(1, fromStdin);
        Assert.Contains("There is no unit with the code NOPE.", _error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, token);
        Assert.StartsWith("rt_", lastLine, StringComparison.Ordinal);

        await using var connection = new SqliteConnection(_database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM AccessTokens WHERE Hash = $hash";
        command.Parameters.AddWithValue("$hash", Modules.Accounts.AccessToken.HashOf(lastLine));
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "SELECT PasswordHash FROM Users WHERE Email = 'root@example.org'";
        Assert.DoesNotContain(passwordLine, (string)(await command.ExecuteScalarAsync())!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_with_a_password_from_stdin_signs_in_with_it()
    {
        Console.SetIn(new StringReader("Chosen-Password-2026\n"));
        var exit = await CliApp.RunAsync(["user", "add", "--email", "root@example.org", "--role", "admin", "--password-stdin", Connection]);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("Chosen-Password-2026", _out.ToString(), StringComparison.Ordinal);
        using var app = new CliCheckApp(_database);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Modules.Accounts.User>>();
        var user = await users.FindByEmailAsync("root@example.org");
        Assert.NotNull(user);
        Assert.True(await users.CheckPasswordAsync(user, "Chosen-Password-2026"));
        Assert.Equal(Modules.Accounts.Role.Admin, user.Role);
    }

    [Fact]
    public async Task Chronicle_derive_adds_the_commissions_founding_once()
    {
        await CliApp.RunAsync(["migrate", Connection]);
        using (var app = new CliCheckApp(_database))
        {
            var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.ReformDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            var commission = new Modules.Organisation.Unit { Code = "CLI-C", Name = "改革委员会", Kind = Modules.Organisation.UnitKind.Commission };
            db.Units.Add(commission);
            await db.SaveChangesAsync();
            db.Meetings.Add(new Modules.Governance.Meeting { Number = 1, HeldOn = new DateOnly(2014, 5, 16), BodyUnitId = commission.Id, Title = "第一次会议" });
            await db.SaveChangesAsync();
        }

        var first = await CliApp.RunAsync(["chronicle", "derive", Connection]);
        var second = await CliApp.RunAsync(["chronicle", "derive", Connection]);

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Contains("Derived the chronicle: 1 new events from 1 facts.", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains("Derived the chronicle: 0 new events from 1 facts.", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_names_the_entry_changed_in_the_database()
    {
        await CliApp.RunAsync(["migrate", Connection]);
        using (var app = new CliCheckApp(_database))
        {
            var factory = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<Data.ReformDbContext>>();
            await using var db = await factory.CreateDbContextAsync();
            for (var i = 1; i <= 3; i++)
            {
                db.Units.Add(new Modules.Organisation.Unit { Code = $"CLI-{i}", Name = $"单位{i}", Kind = Modules.Organisation.UnitKind.Department });
                await db.SaveChangesAsync();
            }
        }

        var intact = await CliApp.RunAsync(["audit", "verify", Connection]);
        var intactText = _out.ToString();
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditEntries SET After = replace(After, '单位2', '单位X') WHERE Id = 2";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var broken = await CliApp.RunAsync(["audit", "verify", Connection]);

        Assert.Equal(0, intact);
        Assert.Contains("The audit trail holds: 3 entries checked.", intactText, StringComparison.Ordinal);
        Assert.Equal(1, broken);
        Assert.Contains("The audit trail is broken at entry 2: entry 2 was changed after it was written.", _out.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Console.SetIn(_originalIn);
        Console.SetOut(_originalOut);
        Console.SetError(_originalError);
        _database.Dispose();
    }
}

/// <summary>The app on the database a CLI test wrote, to check what was written.</summary>
internal sealed class CliCheckApp(SqliteTestDatabase database) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ReformTrack", database.ConnectionString);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

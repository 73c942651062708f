using System.Text;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Exchange;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Generated ledgers, imported then exported then imported again: the second import changes nothing.</summary>
public abstract class ExchangePropertyTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private sealed record Spec(string Title, bool Active, int? Percent, string Done, int Days);

    private static readonly Gen<string> Text =
        Gen.String[Gen.Char["改革推进一网通办营商环境 abcXYZ,\"'%\n;、0123456789-（）"], 1, 40]
            .Where(t => t.Trim().Length > 0);

    private static readonly Gen<Spec> Specs =
        Gen.Select(Text, Gen.Bool, Gen.Int[0, 100].Nullable(), Text, Gen.Int[1, 2000],
            (title, active, percent, done, days) => new Spec(title, active, active ? percent : null, done, days));

    private async Task<(HttpResponseMessage Response, ImportResult Result)> ImportAsync(HttpClient client, byte[] content,
        string name, bool apply)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
        var response = await client.PostAsync($"/api/v1/exchange/import/{(apply ? "apply" : "preview")}", form);
        var body = await response.Content.ReadAsStringAsync();
        return (response, System.Text.Json.JsonSerializer.Deserialize<ImportResult>(body, LedgerHttp.Json)!);
    }

    [SkippableFact]
    public async Task Any_imported_ledger_exports_and_imports_back_unchanged()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var data = new LedgerTestData(app);

        await Gen.Select(Specs.List[1, 8], Gen.Bool).SampleAsync(async sample =>
        {
            var (specs, xlsx) = sample;
            var (unit, objective) = await data.AddScopeAsync();
            var prefix = LedgerTestData.Unique("P");
            var rows = new List<string?[]> { LedgerFiles.ChineseHeader };
            rows.AddRange(specs.Select((s, i) => new string?[]
            {
                $"{prefix}-{i}", s.Title, null, null, objective.Code, unit.Name, null, null, "2026-01-01",
                LedgerSheet.Date(new DateOnly(2026, 1, 1).AddDays(s.Days)), s.Active ? "推进中" : "草稿", null, null,
                s.Percent is null ? null : "2026-11", s.Percent?.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.Percent is null ? null : s.Done, null, null, null, s.Percent is null ? null : "按计划推进", null,
            }));
            var format = xlsx ? "xlsx" : "csv";
            var file = xlsx ? LedgerFiles.Xlsx(rows) : LedgerFiles.Csv(rows, Encoding.UTF8);

            var (_, first) = await ImportAsync(client, file, $"ledger.{format}", apply: true);
            Assert.True(first.Applied, string.Join("; ", first.Errors));
            Assert.Equal(specs.Count, first.Creates);

            var export = await client.GetByteArrayAsync($"/api/v1/exchange/ledger.{format}?unitId={unit.Id}");
            var (_, again) = await ImportAsync(client, export, $"ledger.{format}", apply: false);

            Assert.True(again.Errors.Count == 0, string.Join("; ", again.Errors));
            Assert.Equal((0, 0, specs.Count, 0), (again.Creates, again.Updates, again.Unchanged, again.Reports));
            var titles = await data.ReadAsync(db => db.Measures.Where(m => m.Code.StartsWith(prefix)).OrderBy(m => m.Code)
                .Select(m => m.Title).ToListAsync());
            Assert.Equal(specs.Select(s => s.Title.Trim()), titles);
        }, iter: 25);
    }
}

public sealed class SqliteExchangePropertyTests(SqliteApp app) : ExchangePropertyTests<SqliteApp>(app);

public sealed class PostgresExchangePropertyTests(PostgresApp app) : ExchangePropertyTests<PostgresApp>(app);

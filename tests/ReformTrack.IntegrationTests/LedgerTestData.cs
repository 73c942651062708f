using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>
/// Units, objectives, documents and measures written straight into a test host's database, so
/// the ledger's tests do not depend on other modules' APIs or on the demo data. Every code is
/// unique, so tests sharing a host never see each other's rows through a unit or objective filter.
/// </summary>
internal sealed class LedgerTestData(ReformTrackApp app)
{
    private static int _sequence;

    /// <summary>2026-11-28, the test clock's day.</summary>
    public static readonly DateOnly Today = DateOnly.FromDateTime(ReformTrackApp.DefaultNow.UtcDateTime);

    public static string Unique(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid().ToString("N")[..6]}";

    private IDbContextFactory<ReformDbContext> Factory => app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();

    public async Task<Unit> AddUnitAsync(string? name = null, Unit? parent = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var unit = new Unit { Code = Unique("U"), Name = name ?? Unique("Unit"), Kind = UnitKind.DistrictOffice };
        db.Units.Add(unit);
        await db.SaveChangesAsync();
        unit.PlaceUnder(parent);
        await db.SaveChangesAsync();
        return unit;
    }

    public async Task<Objective> AddObjectiveAsync(Objective? parent = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var objective = new Objective { Code = Unique("O"), Title = Unique("Objective") };
        db.Objectives.Add(objective);
        await db.SaveChangesAsync();
        objective.PlaceUnder(parent);
        await db.SaveChangesAsync();
        return objective;
    }

    public async Task<Document> AddDocumentAsync(int clauses = 2)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var document = new Document { Number = Unique("榕委改"), Title = "关于深化改革的实施方案", Kind = DocumentKind.Plan };
        for (var i = 0; i < clauses; i++)
        {
            document.AddClause($"条款 {i + 1}");
        }

        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return document;
    }

    public async Task<Person> AddPersonAsync(int unitId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var person = new Person { Name = Unique("Person"), UnitId = unitId };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>
    /// A measure as the office would have it: active unless <paramref name="draft"/>, with
    /// <paramref name="progress"/> accepted from a report when above zero.
    /// </summary>
    public async Task<Measure> AddMeasureAsync(int unitId, int objectiveId, DateOnly startOn, DateOnly dueOn,
        int progress = 0, string? title = null, bool draft = false, int? documentId = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var measure = new Measure
        {
            Code = Unique("M"),
            Title = title ?? Unique("Measure"),
            ObjectiveId = objectiveId,
            LeadUnitId = unitId,
            DocumentId = documentId,
            CreatedAt = ReformTrackApp.DefaultNow.UtcDateTime,
            UpdatedAt = ReformTrackApp.DefaultNow.UtcDateTime,
        };
        measure.Schedule(startOn, dueOn);
        if (!draft)
        {
            measure.Activate();
        }

        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        if (progress > 0)
        {
            var report = measure.SubmitReport(
                new ReportContent { Period = "2026-10", Percent = progress, Done = "Set up", Explanation = "Test data" },
                "Liaison", ReformTrackApp.DefaultNow.UtcDateTime, Today, LightThresholds.Default);
            db.ProgressReports.Add(report);
            await db.SaveChangesAsync();
            measure.Accept(report, "Office", ReformTrackApp.DefaultNow.UtcDateTime, null, null);
            await db.SaveChangesAsync();
        }

        return measure;
    }

    public async Task<T> ReadAsync<T>(Func<ReformDbContext, Task<T>> query)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>A unit with its own objective: the scope most tests filter by.</summary>
    public async Task<string> UnitCodeAsync(int unitId)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.Units.Where(u => u.Id == unitId).Select(u => u.Code).SingleAsync();
    }

    public async Task<(Unit Unit, Objective Objective)> AddScopeAsync()
    {
        var unit = await AddUnitAsync();
        var objective = await AddObjectiveAsync();
        return (unit, objective);
    }
}

/// <summary>JSON as the API writes it (enums by name) and the If-Match dance.</summary>
internal static class LedgerHttp
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url,
        object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: Json) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Post, url, body, ifMatch);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendJsonAsync(HttpMethod.Put, url, body, ifMatch);

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The response has no ETag.");

    public static string ETagFor(int version) => $"\"{version}\"";

    /// <summary>Asserts a 400 whose <c>errors</c> names <paramref name="field"/>; returns the rule's name.</summary>
    public static async Task<string?> AssertFieldErrorAsync(this HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        Assert.True(json.RootElement.TryGetProperty("errors", out var errors), body);
        Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name {field}: {body}");
        Assert.NotEqual(0, messages.GetArrayLength());
        return json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
    }

    public static async Task<string?> RuleOfAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("rule", out var rule) ? rule.GetString() : null;
    }

    public static async Task AssertStatusAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            Assert.Fail($"expected {(int)expected}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}

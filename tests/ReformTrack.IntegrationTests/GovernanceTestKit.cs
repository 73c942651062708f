using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Ledger;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Intent methods for the organisation and governance tests: make units, objectives, documents, measures.</summary>
internal static class GovernanceTestKit
{
    private static int _sequence;

    /// <summary>A code or number no other test in this process uses.</summary>
    public static string Unique(string prefix) =>
        $"{prefix}-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<JsonNode> ReadAsync(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync(HttpStatusCode.OK);

    /// <summary>Asserts a problem response with the given status, naming <paramref name="field"/> in <c>errors</c> when given.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status,
        string? field = null)
    {
        var problem = await response.ReadAsync(status);
        if (field is not null)
        {
            var errors = problem["errors"]?.AsObject();
            Assert.True(errors is not null && errors.ContainsKey(field),
                $"Expected errors to name '{field}': {problem.ToJsonString()}");
        }

        return problem;
    }

    public static Task<HttpResponseMessage> PutAsync(this HttpClient client, string url, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static async Task<(JsonNode Body, string ETag)> GetWithETagAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.ReadAsync(HttpStatusCode.OK);
        return (body, response.Headers.ETag!.Tag);
    }

    public static async Task<JsonNode> CreateUnitAsync(this HttpClient client, string name, int? parentId = null,
        string kind = "Department", string? code = null) =>
        await (await client.PostAsJsonAsync("/api/v1/units", new { code = code ?? Unique("U"), name, kind, parentId }))
            .ReadAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateObjectiveAsync(this HttpClient client, string title, int? parentId = null,
        int sortOrder = 0) =>
        await (await client.PostAsJsonAsync("/api/v1/objectives", new { code = Unique("O"), title, parentId, sortOrder }))
            .ReadAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateDocumentAsync(this HttpClient client, string title, string[] clauses,
        string kind = "Decision", int? parentId = null, string? number = null, string? issuedOn = "2016-03-01") =>
        await (await client.PostAsJsonAsync("/api/v1/documents",
                new { number = number ?? Unique("榕委"), title, kind, parentId, issuedOn, clauses }))
            .ReadAsync(HttpStatusCode.Created);

    public static async Task<JsonNode> CreateMeetingAsync(this HttpClient client, int bodyUnitId, int number,
        string heldOn, string title = "Commission meeting") =>
        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number, heldOn, bodyUnitId, title, agenda = "Items" }))
            .ReadAsync(HttpStatusCode.Created);

    /// <summary>Writes a measure straight into the database, as the ledger would, citing a document clause when given.</summary>
    public static async Task<int> InsertMeasureAsync(this ReformTrackApp app, int leadUnitId, int objectiveId,
        int? documentId = null, int? clauseId = null, string? title = null)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<ReformDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var measure = new Measure
        {
            Code = Unique("M"),
            Title = title ?? "A reform measure",
            LeadUnitId = leadUnitId,
            ObjectiveId = objectiveId,
            DocumentId = documentId,
            ClauseId = clauseId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        measure.Schedule(new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30));
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        return measure.Id;
    }

    public static int Id(this JsonNode node) => node["id"]!.GetValue<int>();
}

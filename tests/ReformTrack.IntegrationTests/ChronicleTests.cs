using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ReformTrack.Data;
using ReformTrack.Modules.Accounts;
using ReformTrack.Modules.Chronicle;
using ReformTrack.Modules.Organisation;
using ReformTrack.Shared;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>Facts a test puts in the hand of a chronicle source registered only in the test host.</summary>
public sealed class TestChronicleFacts
{
    internal ConcurrentDictionary<string, ChronicleFact> Facts { get; } = new(StringComparer.Ordinal);
}

/// <summary>A module's chronicle source as any module would register one: it yields the facts the test gave it.</summary>
internal sealed class TestChronicleSource(TestChronicleFacts facts) : IChronicleSource
{
    public Task<IReadOnlyList<ChronicleFact>> FactsAsync(ReformDbContext db, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ChronicleFact>>([.. facts.Facts.Values]);
}

public sealed class SqliteChronicleApp : SqliteApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TestChronicleFacts>();
            services.AddTransient<IChronicleSource, TestChronicleSource>();
        });
    }
}

public sealed class PostgresChronicleApp : PostgresApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TestChronicleFacts>();
            services.AddTransient<IChronicleSource, TestChronicleSource>();
        });
    }
}

/// <summary>
/// The chronicle: events derived once from the records of every registered source, hand edits and
/// deletions that deriving again respects, scope, and the year-range exports.
/// </summary>
public abstract class ChronicleTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private readonly LedgerTestData _data = new(app);

    private TestChronicleFacts SourceFacts => app.Services.GetRequiredService<TestChronicleFacts>();

    private static async Task<int> DeriveAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/chronicle/derive", null);
        return (await response.ReadAsync(HttpStatusCode.OK))["added"]!.GetValue<int>();
    }

    private static async Task<JsonArray> FindAsync(HttpClient client, string text) =>
        (await (await client.GetAsync($"/api/v1/chronicle?q={Uri.EscapeDataString(text)}")).ReadAsync(HttpStatusCode.OK))["items"]!
        .AsArray();

    /// <summary>A document passed at a meeting of <paramref name="bodyUnitId"/>; returns the document's unique title.</summary>
    private static async Task<(string Title, int DocumentId)> PassDocumentAsync(HttpClient client, int bodyUnitId)
    {
        var title = LedgerTestData.Unique("关于深化改革的实施方案");
        var document = await (await client.PostJsonAsync("/api/v1/documents", new
        {
            number = LedgerTestData.Unique("榕委改"), title, kind = "Plan", clauses = new[] { "一、推进改革。" },
        })).ReadAsync(HttpStatusCode.Created);
        var meeting = await (await client.PostJsonAsync("/api/v1/meetings", new
        {
            number = Random.Shared.Next(1000, 1_000_000), heldOn = "2026-06-15", bodyUnitId, title = "专题会议",
        })).ReadAsync(HttpStatusCode.Created);
        var documentId = document["id"]!.GetValue<int>();
        (await client.PostJsonAsync($"/api/v1/meetings/{meeting["id"]}/reviews", new { documentId, outcome = "Passed" }))
            .EnsureSuccessStatusCode();
        return (title, documentId);
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient client, string title, string date, int? unitId = null,
        string category = "Other") =>
        client.PostJsonAsync("/api/v1/chronicle", new { date, precision = "Day", title, category, unitId, published = true });

    [SkippableFact]
    public async Task Passing_a_document_at_a_meeting_and_deriving_adds_exactly_one_event()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await _data.AddUnitAsync("专项小组");
        await DeriveAsync(client);

        var (title, documentId) = await PassDocumentAsync(client, body.Id);
        var added = await DeriveAsync(client);

        Assert.Equal(1, added);
        var found = Assert.Single(await FindAsync(client, title));
        Assert.Equal("Document", found!["category"]!.GetValue<string>());
        Assert.Equal("2026-06-15", found["date"]!.GetValue<string>());
        Assert.Equal($"document-passed:{documentId}", found["key"]!.GetValue<string>());
        Assert.Equal("document", found["links"]![0]!["kind"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Deriving_again_adds_nothing()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await _data.AddUnitAsync("专项小组");
        var (title, _) = await PassDocumentAsync(client, body.Id);

        await DeriveAsync(client);
        var again = await DeriveAsync(client);

        Assert.Equal(0, again);
        Assert.Single(await FindAsync(client, title));
    }

    [SkippableFact]
    public async Task A_hand_edit_of_a_derived_event_survives_deriving_again_and_a_deleted_one_stays_deleted()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await _data.AddUnitAsync("专项小组");
        var (edited, _) = await PassDocumentAsync(client, body.Id);
        var (deleted, _) = await PassDocumentAsync(client, body.Id);
        await DeriveAsync(client);
        var editedId = (await FindAsync(client, edited))[0]!["id"]!.GetValue<int>();
        var deletedId = (await FindAsync(client, deleted))[0]!["id"]!.GetValue<int>();

        var read = await client.GetAsync($"/api/v1/chronicle/{editedId}");
        var newTitle = edited + "（修订）";
        (await client.PutJsonAsync($"/api/v1/chronicle/{editedId}", new
        {
            date = "2026-06-20", precision = "Day", title = newTitle, category = "Document", description = "办公室补充说明",
            published = true, links = new[] { new { kind = "meeting", id = 1 } },
        }, read.ETag())).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/chronicle/{deletedId}")).StatusCode);

        var added = await DeriveAsync(client);

        Assert.Equal(0, added);
        var after = await (await client.GetAsync($"/api/v1/chronicle/{editedId}")).ReadAsync(HttpStatusCode.OK);
        Assert.Equal(newTitle, after["title"]!.GetValue<string>());
        Assert.Equal("2026-06-20", after["date"]!.GetValue<string>());
        Assert.True(after["published"]!.GetValue<bool>());
        Assert.Empty(await FindAsync(client, deleted));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/chronicle/{deletedId}")).StatusCode);
    }

    [SkippableFact]
    public async Task Deriving_collects_the_facts_of_every_registered_source()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await _data.AddUnitAsync("专项小组");
        var (documentTitle, _) = await PassDocumentAsync(client, body.Id);
        var pilotTitle = LedgerTestData.Unique("国家级试点获批");
        var key = LedgerTestData.Unique("pilot-granted");
        SourceFacts.Facts[key] = new ChronicleFact(key, new DateOnly(2019, 3, 1), ChronicleCategory.Pilot, pilotTitle, "pilot", 7, null);

        var added = await DeriveAsync(client);

        Assert.Equal(2, added);
        Assert.Single(await FindAsync(client, documentTitle));
        var pilot = Assert.Single(await FindAsync(client, pilotTitle));
        Assert.Equal("Pilot", pilot!["category"]!.GetValue<string>());
        Assert.False(pilot["published"]!.GetValue<bool>());
    }

    [SkippableFact]
    public async Task A_viewer_cannot_write_the_chronicle()
    {
        app.SkipIfUnavailable();
        using var viewer = app.CreateClientAs(Role.Viewer, (await _data.AddUnitAsync()).Code);
        using var liaison = app.CreateClientAs(Role.Liaison, (await _data.AddUnitAsync()).Code);
        using var admin = app.CreateClient();
        var created = await (await RecordAsync(admin, LedgerTestData.Unique("大事"), "2020-05-01")).ReadAsync(HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.Forbidden, (await RecordAsync(viewer, "大事", "2020-05-01")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await liaison.PostAsync("/api/v1/chronicle/derive", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PutJsonAsync($"/api/v1/chronicle/{created["id"]}",
            new { date = "2020-05-01", title = "改", category = "Other" }, "\"1\"")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"/api/v1/chronicle/{created["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateAnonymousClient().GetAsync("/api/v1/chronicle")).StatusCode);
    }

    [SkippableFact]
    public async Task A_unit_reader_sees_programme_wide_events_and_its_subtree_and_nothing_else()
    {
        app.SkipIfUnavailable();
        using var admin = app.CreateClient();
        var own = await _data.AddUnitAsync("甲区");
        var below = await _data.AddUnitAsync("甲区某街道", own);
        var other = await _data.AddUnitAsync("乙区");
        var marker = LedgerTestData.Unique("范围");
        var programme = await (await RecordAsync(admin, marker + "全市", "2020-01-02")).ReadAsync(HttpStatusCode.Created);
        var ownEvent = await (await RecordAsync(admin, marker + "甲区", "2020-01-03", own.Id)).ReadAsync(HttpStatusCode.Created);
        var belowEvent = await (await RecordAsync(admin, marker + "街道", "2020-01-04", below.Id)).ReadAsync(HttpStatusCode.Created);
        var otherEvent = await (await RecordAsync(admin, marker + "乙区", "2020-01-05", other.Id)).ReadAsync(HttpStatusCode.Created);
        using var reader = app.CreateClientAs(Role.Leader, own.Code);
        using var office = app.CreateClientAs(Role.Office, own.Code);

        var seen = (await FindAsync(reader, marker)).Select(e => e!["id"]!.GetValue<int>()).Order().ToList();

        Assert.Equal(new[] { programme, ownEvent, belowEvent }.Select(e => e["id"]!.GetValue<int>()).Order(), seen);
        var ofOwnSubtree = (await (await admin.GetAsync($"/api/v1/chronicle?unitId={own.Id}&q={Uri.EscapeDataString(marker)}"))
            .ReadAsync(HttpStatusCode.OK))["items"]!.AsArray().Select(e => e!["id"]!.GetValue<int>()).Order();
        Assert.Equal(new[] { ownEvent, belowEvent }.Select(e => e["id"]!.GetValue<int>()).Order(), ofOwnSubtree);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/chronicle/{belowEvent["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/chronicle/{otherEvent["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await office.DeleteAsync($"/api/v1/chronicle/{otherEvent["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RecordAsync(office, marker + "越权", "2020-02-01", other.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await RecordAsync(office, marker + "本区", "2020-02-01", own.Id)).StatusCode);
        Assert.Equal("ProgrammeWideEventIsWrittenForTheWholeProgramme",
            await (await RecordAsync(office, marker + "全市越权", "2020-02-01")).AssertFieldErrorAsync("unitId"));
        Assert.Equal(HttpStatusCode.BadRequest, (await office.DeleteAsync($"/api/v1/chronicle/{programme["id"]}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/chronicle/{programme["id"]}")).StatusCode);
        var export = await reader.GetStringAsync($"/api/v1/chronicle/export.md?fromYear=2020&toYear=2020&q={Uri.EscapeDataString(marker)}");
        Assert.DoesNotContain(marker + "乙区", export, StringComparison.Ordinal);
        Assert.Contains(marker + "甲区", export, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Updating_needs_the_etag_it_read()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var created = await RecordAsync(client, LedgerTestData.Unique("大事"), "2020-05-01");
        var id = (await created.ReadAsync(HttpStatusCode.Created))["id"]!.GetValue<int>();
        var change = new { date = "2020-05-02", title = "改名", category = "Other" };

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await client.PutJsonAsync($"/api/v1/chronicle/{id}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/chronicle/{id}", change, created.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await client.PutJsonAsync($"/api/v1/chronicle/{id}", change, created.ETag())).StatusCode);
    }

    [SkippableFact]
    public async Task The_docx_export_holds_the_years_of_the_range_and_their_events_only()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var marker = LedgerTestData.Unique("年份");
        await RecordAsync(client, marker + "一九九一", "1991-03-01");
        await RecordAsync(client, marker + "一九九二", "1992-04-01");
        await RecordAsync(client, marker + "一九九三", "1993-05-01");

        var response = await client.GetAsync("/api/v1/chronicle/export.docx?fromYear=1991&toYear=1992");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportChronicle.DocxContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("1991", paragraphs);
        Assert.Contains("1992", paragraphs);
        Assert.DoesNotContain("1993", paragraphs);
        Assert.Contains(paragraphs, p => p.Contains(marker + "一九九一", StringComparison.Ordinal));
        Assert.Contains(paragraphs, p => p.Contains(marker + "一九九二", StringComparison.Ordinal));
        Assert.DoesNotContain(paragraphs, p => p.Contains(marker + "一九九三", StringComparison.Ordinal));
        Assert.True(paragraphs.IndexOf("1991") < paragraphs.IndexOf("1992"), "Years run oldest first in the export.");
    }

    [SkippableFact]
    public async Task The_markdown_export_holds_the_years_of_the_range_and_their_events_only()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var marker = LedgerTestData.Unique("年份");
        await RecordAsync(client, marker + "一九八一", "1981-03-01");
        await RecordAsync(client, marker + "一九八二", "1982-04-01");
        await RecordAsync(client, marker + "一九八三", "1983-05-01");

        var response = await client.GetAsync("/api/v1/chronicle/export.md?fromYear=1981&toYear=1982");
        var markdown = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/markdown", response.Content.Headers.ContentType?.MediaType);
        var lines = markdown.Split('\n');
        Assert.Contains("## 1981", lines);
        Assert.Contains("## 1982", lines);
        Assert.DoesNotContain("## 1983", lines);
        Assert.Contains($"- **1981-03-01** [其他 Other] {marker}一九八一", lines);
        Assert.Contains(marker + "一九八二", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain(marker + "一九八三", markdown, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_year_range_that_runs_backwards_is_refused()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/api/v1/chronicle?fromYear=2020&toYear=2018");

        Assert.Equal("ChronicleYearRangeIsOrdered", await response.AssertFieldErrorAsync("fromYear"));
    }
}

public sealed class SqliteChronicleTests(SqliteChronicleApp app) : ChronicleTests<SqliteChronicleApp>(app);

public sealed class PostgresChronicleTests(PostgresChronicleApp app) : ChronicleTests<PostgresChronicleApp>(app);

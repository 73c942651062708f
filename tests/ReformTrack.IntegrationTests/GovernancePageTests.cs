using System.Net;
using System.Net.Http.Json;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

/// <summary>The organisation and governance pages, rendered on the server, read as a user would.</summary>
public abstract class GovernancePageTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    private async Task<string> PageAsync(HttpClient client, string path, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }

        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Objectives_page_shows_the_tree_with_ledger_links_in_Chinese()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var unit = await client.CreateUnitAsync("Unit");
        var aspect = await client.CreateObjectiveAsync("经济体制改革");
        var keyTask = await client.CreateObjectiveAsync("优化营商环境", aspect.Id());
        await app.InsertMeasureAsync(unit.Id(), keyTask.Id());

        var html = await PageAsync(client, "/objectives", "zh-CN");

        Assert.Contains("<h1>目标任务</h1>", html, StringComparison.Ordinal);
        Assert.Contains("优化营商环境", html, StringComparison.Ordinal);
        Assert.Contains("重点任务", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ledger?objectiveId={aspect.Id()}\"", html, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Meeting_pages_list_the_meeting_and_the_documents_it_passed()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("市委全面深化改革委员会", kind: "Commission");
        var meeting = await client.CreateMeetingAsync(body.Id(), 62, "2021-12-20", "第六十二次会议");
        var document = await client.CreateDocumentAsync("关于深化改革的决定", ["一"]);
        await client.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id()}/reviews", new { documentId = document.Id(), outcome = "Passed" });

        var list = await PageAsync(client, "/meetings?year=2021");
        var detail = await PageAsync(client, $"/meetings/{meeting.Id()}");
        var missing = await PageAsync(client, "/meetings/987654");

        Assert.Contains("第六十二次会议", list, StringComparison.Ordinal);
        Assert.Contains("2021-12-20", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/{document.Id()}\"", detail, StringComparison.Ordinal);
        Assert.Contains("Passed", detail, StringComparison.Ordinal);
        Assert.Contains("Meeting not found.", missing, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Documents_page_finds_a_document_and_shows_where_it_stands()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var marker = GovernanceTestKit.Unique("页");
        var decision = await client.CreateDocumentAsync($"关于全面深化改革的决定{marker}", ["一", "二"]);
        var supporting = await client.CreateDocumentAsync($"配套文件{marker}", ["一"], "SupportingDocument", decision.Id());

        var list = await PageAsync(client, $"/documents?q={Uri.EscapeDataString(marker)}");
        var detail = await PageAsync(client, $"/documents/{decision.Id()}", "zh-CN");

        Assert.Contains($"关于全面深化改革的决定{marker}", list, StringComparison.Ordinal);
        Assert.Contains("Not passed yet", list, StringComparison.Ordinal);
        Assert.Contains("Supporting document", list, StringComparison.Ordinal);
        Assert.Contains("尚无改革举措", detail, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/{supporting.Id()}\"", detail, StringComparison.Ordinal);
        Assert.Contains($"href=\"/ledger?documentId={decision.Id()}\"", detail, StringComparison.Ordinal);
    }
}

public sealed class SqliteGovernancePageTests(SqliteApp app) : GovernancePageTests<SqliteApp>(app);

public sealed class PostgresGovernancePageTests(PostgresApp app) : GovernancePageTests<PostgresApp>(app);

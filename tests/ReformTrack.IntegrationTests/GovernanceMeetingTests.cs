using System.Net;
using System.Net.Http.Json;
using ReformTrack.Testing;

namespace ReformTrack.IntegrationTests;

public abstract class GovernanceMeetingTests<TApp>(TApp app) : IClassFixture<TApp>
    where TApp : ReformTrackApp
{
    [SkippableFact]
    public async Task Meetings_are_listed_newest_first_by_body_and_year_in_pages()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("全面深化改革委员会", kind: "Commission");
        await client.CreateMeetingAsync(body.Id(), 1, "2014-05-10", "第一次会议");
        await client.CreateMeetingAsync(body.Id(), 2, "2014-09-01", "第二次会议");
        await client.CreateMeetingAsync(body.Id(), 3, "2015-02-01", "第三次会议");

        var first = await client.GetJsonAsync($"/api/v1/meetings?bodyUnitId={body.Id()}&pageSize=2");
        var second = await client.GetJsonAsync($"/api/v1/meetings?bodyUnitId={body.Id()}&pageSize=2&page=2");
        var in2014 = await client.GetJsonAsync($"/api/v1/meetings?bodyUnitId={body.Id()}&year=2014");

        Assert.Equal(3, first["total"]!.GetValue<int>());
        Assert.Equal([3, 2], first["items"]!.AsArray().Select(m => m!["number"]!.GetValue<int>()));
        Assert.Equal([1], second["items"]!.AsArray().Select(m => m!["number"]!.GetValue<int>()));
        Assert.Equal(2, in2014["total"]!.GetValue<int>());
        Assert.Equal("全面深化改革委员会", first["items"]![0]!["bodyName"]!.GetValue<string>());
        await (await client.GetAsync("/api/v1/meetings?pageSize=201")).AssertProblemAsync(HttpStatusCode.BadRequest, "pageSize");
        await (await client.GetAsync("/api/v1/meetings?page=0")).AssertProblemAsync(HttpStatusCode.BadRequest, "page");
    }

    [SkippableFact]
    public async Task A_meeting_passes_and_defers_documents_and_a_document_is_passed_once()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("Commission", kind: "Commission");
        var first = await client.CreateMeetingAsync(body.Id(), 1, "2016-01-10");
        var second = await client.CreateMeetingAsync(body.Id(), 2, "2016-02-10");
        var decision = await client.CreateDocumentAsync("关于深化改革的决定", ["一", "二"]);
        var plan = await client.CreateDocumentAsync("实施方案", ["一"], "Plan");

        await (await client.PostAsJsonAsync($"/api/v1/meetings/{first.Id()}/reviews",
            new { documentId = decision.Id(), outcome = "Passed" })).ReadAsync(HttpStatusCode.OK);
        var deferred = await (await client.PostAsJsonAsync($"/api/v1/meetings/{first.Id()}/reviews",
            new { documentId = plan.Id(), outcome = "Deferred" })).ReadAsync(HttpStatusCode.OK);
        var again = await client.PostAsJsonAsync($"/api/v1/meetings/{second.Id()}/reviews",
            new { documentId = decision.Id(), outcome = "Passed" });
        var deferAfterPassing = await client.PostAsJsonAsync($"/api/v1/meetings/{first.Id()}/reviews",
            new { documentId = decision.Id(), outcome = "Deferred" });
        var (detail, etag) = await client.GetWithETagAsync($"/api/v1/meetings/{first.Id()}");
        var row = (await client.GetJsonAsync($"/api/v1/meetings?bodyUnitId={body.Id()}&year=2016"))["items"]!.AsArray()
            .Single(m => m!.Id() == first.Id())!;
        var documentView = await client.GetJsonAsync($"/api/v1/documents/{decision.Id()}");

        Assert.Equal("Deferred", deferred["documents"]!.AsArray().Single(d => d!["documentId"]!.GetValue<int>() == plan.Id())!["outcome"]!.GetValue<string>());
        var problem = await again.AssertProblemAsync(HttpStatusCode.BadRequest, "documentId");
        Assert.Equal("DocumentIsPassedAtMostOnce", problem["rule"]!.GetValue<string>());
        await deferAfterPassing.AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        Assert.Equal(2, detail["documents"]!.AsArray().Count);
        Assert.Equal($"\"{detail["version"]!.GetValue<int>()}\"", etag);
        Assert.Equal(1, row["documentsPassed"]!.GetValue<int>());
        Assert.Equal(1, row["documentsDeferred"]!.GetValue<int>());
        Assert.Equal(first.Id(), Assert.Single(documentView["meetings"]!.AsArray())!["meetingId"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_deferred_review_can_be_withdrawn_but_a_passing_one_stands()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("Group", kind: "WorkingGroup");
        var meeting = await client.CreateMeetingAsync(body.Id(), 1, "2017-03-03");
        var passed = await client.CreateDocumentAsync("Passed", ["一"]);
        var deferred = await client.CreateDocumentAsync("Deferred", ["一"]);
        await client.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id()}/reviews", new { documentId = passed.Id(), outcome = "Passed" });
        await client.PostAsJsonAsync($"/api/v1/meetings/{meeting.Id()}/reviews", new { documentId = deferred.Id(), outcome = "Deferred" });

        var withdrawDeferred = await client.DeleteAsync($"/api/v1/meetings/{meeting.Id()}/reviews/{deferred.Id()}");
        var withdrawPassed = await client.DeleteAsync($"/api/v1/meetings/{meeting.Id()}/reviews/{passed.Id()}");
        var withdrawUnknown = await client.DeleteAsync($"/api/v1/meetings/{meeting.Id()}/reviews/987654");
        var detail = await client.GetJsonAsync($"/api/v1/meetings/{meeting.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, withdrawDeferred.StatusCode);
        await withdrawPassed.AssertProblemAsync(HttpStatusCode.BadRequest, "documentId");
        await withdrawUnknown.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([passed.Id()], detail["documents"]!.AsArray().Select(d => d!["documentId"]!.GetValue<int>()));
    }

    [SkippableFact]
    public async Task Meeting_errors_name_the_field_and_guard_versions()
    {
        app.SkipIfUnavailable();
        using var client = app.CreateClient();
        var body = await client.CreateUnitAsync("Commission", kind: "Commission");
        var meeting = await client.CreateMeetingAsync(body.Id(), 7, "2018-06-06");
        var url = $"/api/v1/meetings/{meeting.Id()}";
        var (_, etag) = await client.GetWithETagAsync(url);
        var change = new { number = 7, heldOn = "2018-06-07", bodyUnitId = body.Id(), title = "Moved a day" };

        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number = 1, heldOn = "2018-01-01", title = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "bodyUnitId");
        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number = 1, heldOn = "2018-01-01", bodyUnitId = 999_999, title = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "bodyUnitId");
        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number = 0, heldOn = "2018-01-01", bodyUnitId = body.Id(), title = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "number");
        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number = 2, bodyUnitId = body.Id(), title = "X" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "heldOn");
        await (await client.PostAsJsonAsync("/api/v1/meetings", new { number = 7, heldOn = "2018-01-01", bodyUnitId = body.Id(), title = "Same number" }))
            .AssertProblemAsync(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"{url}/reviews", new { documentId = 999_999, outcome = "Passed" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "documentId");
        await (await client.PostAsJsonAsync($"{url}/reviews", new { documentId = 1, outcome = "Approved" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "outcome");
        await (await client.GetAsync("/api/v1/meetings/987654")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await client.PutAsync(url, change, null)).AssertProblemAsync((HttpStatusCode)428);
        await (await client.PutAsync(url, change, etag)).ReadAsync(HttpStatusCode.OK);
        await (await client.PutAsync(url, change, etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal("2018-06-07", (await client.GetJsonAsync(url))["heldOn"]!.GetValue<string>());
    }
}

public sealed class SqliteGovernanceMeetingTests(SqliteApp app) : GovernanceMeetingTests<SqliteApp>(app);

public sealed class PostgresGovernanceMeetingTests(PostgresApp app) : GovernanceMeetingTests<PostgresApp>(app);
